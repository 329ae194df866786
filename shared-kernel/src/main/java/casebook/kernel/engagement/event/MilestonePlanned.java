package casebook.kernel.engagement.event;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.engagement.MeetingMode;
import casebook.kernel.time.PlannedPeriod;
import java.time.LocalDate;
import java.time.LocalTime;

/** A milestone was planned for the first time. */
public record MilestonePlanned(String engagementId, String milestone, LocalDate plannedOn, PlannedPeriod plannedPeriod, LocalTime startTime, LocalTime endTime, MeetingMode mode, String place, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return engagementId;
    }
}
