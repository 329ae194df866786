package casebook.demo;

import casebook.kernel.engagement.MilestoneKind;
import casebook.kernel.engagement.MilestoneSlot;

/** The milestone slots the demo fixtures use, so that they read like the seeds' schedules. */
final class Milestones {

    static final MilestoneSlot M0_5 = new MilestoneSlot(MilestoneKind.M0_5, 0);
    static final MilestoneSlot VISIT_1 = new MilestoneSlot(MilestoneKind.VISIT_1, 0);
    static final MilestoneSlot M1_5 = new MilestoneSlot(MilestoneKind.M1_5, 0);
    static final MilestoneSlot VISIT_2 = new MilestoneSlot(MilestoneKind.VISIT_2, 0);
    static final MilestoneSlot M2_5 = new MilestoneSlot(MilestoneKind.M2_5, 0);
    static final MilestoneSlot VISIT_3 = new MilestoneSlot(MilestoneKind.VISIT_3, 0);
    static final MilestoneSlot REPORT_MEETING = new MilestoneSlot(MilestoneKind.REPORT_MEETING, 0);
    static final MilestoneSlot SESSION_1 = new MilestoneSlot(MilestoneKind.SESSION, 1);
    static final MilestoneSlot SESSION_2 = new MilestoneSlot(MilestoneKind.SESSION, 2);

    private Milestones() {
    }
}
