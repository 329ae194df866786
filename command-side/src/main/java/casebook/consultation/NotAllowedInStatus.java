package casebook.consultation;

import casebook.kernel.StateConflict;
import casebook.kernel.consultation.ConsultationStatus;

/** A step asked for out of order, e.g. approving before the bureau has reviewed. */
public class NotAllowedInStatus extends StateConflict {
    public NotAllowedInStatus(String what, ConsultationStatus status) {
        super(what + " is not possible while the consultation is " + status + " (" + status.label() + ")");
    }
}
