package casebook.engagement;

import casebook.kernel.engagement.MilestoneSlot;
import casebook.kernel.engagement.MilestoneStatus;
import casebook.kernel.time.PlannedPeriod;
import java.time.LocalDate;

/**
 * What the aggregate needs to know of one milestone (0.5mtg, 現地支援1回目 …): its status, its current plan and
 * when it was held. Immutable, so that Axon's test fixture can compare replayed state by value.
 *
 * @param planSeq sequence number of the event that set the current plan, or -1; a correction of an older,
 *                superseded plan must not move the current one
 */
record Milestone(MilestoneSlot slot, MilestoneStatus status, LocalDate plannedOn, PlannedPeriod plannedPeriod,
                 long planSeq, LocalDate heldOn) {

    static Milestone notPlanned(MilestoneSlot slot) {
        return new Milestone(slot, MilestoneStatus.NOT_PLANNED, null, null, -1, null);
    }

    /** Whether it ever had a plan: planning it again is then a reschedule that keeps the previous plan. */
    boolean everPlanned() {
        return plannedOn != null || plannedPeriod != null;
    }

    Milestone planned(LocalDate on, PlannedPeriod period, long seq) {
        return new Milestone(slot, MilestoneStatus.PLANNED, on, period, seq, heldOn);
    }

    Milestone held(LocalDate on) {
        return new Milestone(slot, MilestoneStatus.HELD, plannedOn, plannedPeriod, planSeq, on);
    }

    Milestone withStatus(MilestoneStatus newStatus) {
        return new Milestone(slot, newStatus, plannedOn, plannedPeriod, planSeq, heldOn);
    }

    /** A corrected plan date replaces the fuzzy period and vice versa, as a plan has exactly one of them. */
    Milestone withCorrectedPlan(LocalDate on, PlannedPeriod period) {
        if (on != null) {
            return new Milestone(slot, status, on, null, planSeq, heldOn);
        }
        if (period != null) {
            return new Milestone(slot, status, null, period, planSeq, heldOn);
        }
        return this;
    }

    Milestone withCorrectedHeldOn(LocalDate on) {
        return on == null ? this : new Milestone(slot, status, plannedOn, plannedPeriod, planSeq, on);
    }
}
