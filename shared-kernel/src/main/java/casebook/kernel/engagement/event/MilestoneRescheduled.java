package casebook.kernel.engagement.event;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.engagement.MeetingMode;
import casebook.kernel.time.PlannedPeriod;
import java.time.LocalDate;
import java.time.LocalTime;

/** A planned milestone moved; the previous plan stays in the history. */
public record MilestoneRescheduled(String engagementId, String milestone, LocalDate previousPlannedOn, PlannedPeriod previousPlannedPeriod, LocalDate plannedOn, PlannedPeriod plannedPeriod, LocalTime startTime, LocalTime endTime, MeetingMode mode, String place, String reason, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return engagementId;
    }
}
