package casebook.engagement;

import casebook.kernel.StateConflict;
import casebook.kernel.engagement.EngagementStatus;

/** A step of the selection process asked for at the wrong point, e.g. selecting twice. */
public class NotAllowedInStatus extends StateConflict {
    public NotAllowedInStatus(String what, EngagementStatus status) {
        super(what + " is not possible while the engagement is " + status + " (" + status.label() + ")");
    }
}
