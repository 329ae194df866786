package casebook.engagement;

import casebook.kernel.StateConflict;
import casebook.kernel.engagement.MilestoneSlot;
import casebook.kernel.engagement.MilestoneStatus;

/** A milestone that is already held, cancelled or skipped cannot be cancelled or skipped again. */
public class MilestoneAlreadySettled extends StateConflict {
    public MilestoneAlreadySettled(String field, MilestoneSlot milestone, MilestoneStatus status) {
        super(field, milestone + " is already " + status);
    }
}
