package casebook.engagement;

import casebook.kernel.StateConflict;
import casebook.kernel.engagement.EngagementStatus;

/** Support (holding milestones, closing) only begins once the municipality has been selected (選定). */
public class NotSelectedYet extends StateConflict {
    public NotSelectedYet(EngagementStatus status) {
        super("not selected yet (the engagement is " + status + " " + status.label() + ")");
    }
}
