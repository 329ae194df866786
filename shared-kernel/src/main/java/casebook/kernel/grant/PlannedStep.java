package casebook.kernel.grant;

import casebook.kernel.time.PlannedPeriod;
import java.time.LocalDate;

/**
 * When a step is planned: an exact date ({@code 2025-05-14}), a fuzzy period (9月頃, 8月下旬, 時期未定) or a
 * span of periods (R7年6月～7月: {@code period} to {@code until}). Deadlines (〆切) are the submission steps.
 */
public record PlannedStep(GrantStep step, LocalDate on, PlannedPeriod period, PlannedPeriod until) {

    /** The last day the plan can still mean: after it, an unrecorded step is overdue. Null when undecided. */
    public LocalDate dueBy() {
        if (on != null) {
            return on;
        }
        PlannedPeriod last = until != null ? until : period;
        if (last == null || last.part() == casebook.kernel.time.PeriodPart.UNDECIDED) {
            return null;
        }
        return last.latestDay();
    }

    /** 2025-05-14, 8月下旬, 6月頃～7月頃, 時期未定 */
    public String label() {
        if (on != null) {
            return on.toString();
        }
        if (period == null) {
            return casebook.kernel.time.PeriodPart.UNDECIDED.label();
        }
        return until == null ? period.label() : period.label() + "～" + until.label();
    }

    /** The same plan moved by whole years, for calendars of other fiscal years. */
    public PlannedStep shiftedByYears(int years) {
        return new PlannedStep(step, on == null ? null : on.plusYears(years), shift(period, years), shift(until, years));
    }

    private static PlannedPeriod shift(PlannedPeriod p, int years) {
        return p == null ? null : new PlannedPeriod(p.year() + years, p.month(), p.part());
    }
}
