package casebook.engagement;

import casebook.kernel.StateConflict;
import casebook.kernel.engagement.MilestoneSlot;
import casebook.kernel.engagement.MilestoneStatus;

/** Findings come out of a milestone that took place, so it must be held first. */
public class MilestoneNotHeld extends StateConflict {
    public MilestoneNotHeld(MilestoneSlot milestone, MilestoneStatus status) {
        super("milestone", milestone + " has not been held (it is " + status + ")");
    }
}
