package casebook.kernel.engagement.query;

import casebook.kernel.time.PeriodPart;
import casebook.kernel.time.PlannedPeriod;

/** A {@link PlannedPeriod} with its label (9月中旬) spelled out, since views are read by people. */
public record PeriodView(int year, int month, PeriodPart part, String label) {

    public static PeriodView of(PlannedPeriod p) {
        return p == null ? null : new PeriodView(p.year(), p.month(), p.part(), p.label());
    }
}
