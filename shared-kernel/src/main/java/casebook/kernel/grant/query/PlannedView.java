package casebook.kernel.grant.query;

import casebook.kernel.time.PlannedPeriod;
import java.time.LocalDate;

/**
 * A step's plan as people read it: an exact date or a period (or a span of periods), its label (8月下旬,
 * 6月頃～7月頃, 時期未定) and the last day it can still mean ({@code dueBy}, null when undecided).
 */
public record PlannedView(LocalDate on, PlannedPeriod period, PlannedPeriod until, String label, LocalDate dueBy) {
}
