package casebook.consultation;

import casebook.kernel.StateConflict;
import casebook.kernel.consultation.ConsultationStatus;

/** Approval and rejection are final: a decided consultation takes no further steps, only links. */
public class ConsultationDecided extends StateConflict {
    public ConsultationDecided(ConsultationStatus status) {
        super("the consultation has been decided (" + status + " " + status.label() + ")");
    }
}
