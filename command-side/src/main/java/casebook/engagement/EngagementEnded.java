package casebook.engagement;

import casebook.kernel.StateConflict;
import casebook.kernel.engagement.EngagementStatus;

/** Closed, not selected and withdrawn engagements take no further changes, only corrections of their history. */
public class EngagementEnded extends StateConflict {
    public EngagementEnded(EngagementStatus status) {
        super("the engagement has ended (" + status + " " + status.label() + ")");
    }
}
