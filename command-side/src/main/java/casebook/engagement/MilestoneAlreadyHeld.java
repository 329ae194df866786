package casebook.engagement;

import casebook.kernel.engagement.MilestoneSlot;
import casebook.kernel.engagement.MilestoneStatus;

/** What has been held (実施済) stays held: it cannot be re-planned, re-held, cancelled or skipped, only corrected. */
public class MilestoneAlreadyHeld extends MilestoneAlreadySettled {
    public MilestoneAlreadyHeld(String field, MilestoneSlot milestone) {
        super(field, milestone, MilestoneStatus.HELD);
    }
}
