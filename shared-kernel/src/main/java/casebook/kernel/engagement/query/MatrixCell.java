package casebook.kernel.engagement.query;

import casebook.kernel.engagement.MilestoneStatus;
import java.time.LocalDate;
import java.time.LocalTime;

/** One milestone in the matrix: planned and actual date, time, and the status that colours the cell. */
public record MatrixCell(LocalDate plannedOn, PeriodView plannedPeriod, LocalDate heldOn, LocalTime startTime,
                         LocalTime endTime, MilestoneStatus status) {
}
