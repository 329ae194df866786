package casebook.kernel.engagement.command;

import casebook.kernel.engagement.MeetingMode;
import casebook.kernel.time.PlannedPeriod;
import java.time.LocalDate;
import java.time.LocalTime;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Plans a milestone on a date or a fuzzy period; planning it again reschedules it. */
public record PlanMilestone(@TargetAggregateIdentifier String engagementId, String milestone, LocalDate plannedOn, PlannedPeriod plannedPeriod, LocalTime startTime, LocalTime endTime, MeetingMode mode, String place, String reason, LocalDate occurredOn) {
}
