package casebook.kernel.time;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A planned timing known only to part of a month, as the seeds' schedules give it (9月中旬, 10月頃).
 * {@code UNDECIDED} may leave month and year at the fiscal year's guess.
 */
public record PlannedPeriod(int year, int month, PeriodPart part) {

    public PlannedPeriod {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("month must be 1-12");
        }
        if (part == null) {
            throw new IllegalArgumentException("part is required");
        }
    }

    /** The last day the plan can still mean, used to flag a plan as overdue. */
    public LocalDate latestDay() {
        YearMonth ym = YearMonth.of(year, month);
        return switch (part) {
            case EARLY -> ym.atDay(10);
            case MID -> ym.atDay(20);
            case LATE, AROUND, UNDECIDED -> ym.atEndOfMonth();
        };
    }

    /** The first day the plan can mean, used to order plans. */
    public LocalDate earliestDay() {
        YearMonth ym = YearMonth.of(year, month);
        return switch (part) {
            case EARLY, AROUND, UNDECIDED -> ym.atDay(1);
            case MID -> ym.atDay(11);
            case LATE -> ym.atDay(21);
        };
    }

    /** 9月中旬, 10月頃, 時期未定. */
    public String label() {
        return part == PeriodPart.UNDECIDED ? part.label() : month + "月" + part.label();
    }
}
