package casebook.kernel.engagement.query;

import casebook.kernel.engagement.MilestoneStatus;
import java.time.LocalDate;
import java.time.LocalTime;

/** The first milestone of the programme's sequence not yet held, cancelled or skipped, with its plan. */
public record NextMilestone(String key, String label, MilestoneStatus status, LocalDate plannedOn,
                            PeriodView plannedPeriod, LocalTime startTime, LocalTime endTime) {
}
