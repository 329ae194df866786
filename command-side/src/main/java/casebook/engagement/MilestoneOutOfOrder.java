package casebook.engagement;

import casebook.kernel.StateConflict;
import casebook.kernel.engagement.MilestoneSlot;

/** Holding a milestone before an earlier one of the template is held, cancelled or skipped (HTTP 409 by contract). */
public class MilestoneOutOfOrder extends StateConflict {
    private final String unsettled;

    public MilestoneOutOfOrder(MilestoneSlot milestone, MilestoneSlot unsettled) {
        super("milestone", milestone + " cannot be held before " + unsettled + " (" + unsettled.label()
                + ") is held, cancelled or skipped");
        this.unsettled = unsettled.key();
    }

    /** The first earlier milestone that is still open. */
    public String unsettled() {
        return unsettled;
    }
}
