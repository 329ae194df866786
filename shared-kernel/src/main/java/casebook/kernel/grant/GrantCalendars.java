package casebook.kernel.grant;

import static casebook.kernel.grant.GrantStep.*;
import static casebook.kernel.time.PeriodPart.*;

import casebook.kernel.time.PeriodPart;
import casebook.kernel.time.PlannedPeriod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The default plan of each grant type and procedure: Kanto-Shinetsu's FY2025 calendars (DOMAIN.md §3.3.4,
 * §3.4, §3.5; [001 L749-826]), moved to the case's year. A procedure is worked in the fiscal year it
 * serves, except confirmations (the year after) and re-confirmations (two years after, or later).
 * Steps the calendars do not list (審査, 示達, 決裁) stay unplanned.
 */
public final class GrantCalendars {

    private static final int CALENDAR_YEAR = 2025;

    private static final Map<GrantType, Map<ProcedureKind, List<PlannedStep>>> FY2025 = Map.of(
            GrantType.CHIIKI_SHIEN_JIGYO, Map.of(
                    ProcedureKind.INITIAL, List.of(
                            p(PRECONSULTATION_REQUESTED, 2025, 7, LATE), p(PRECONSULTATION_SUBMITTED, 2025, 8, LATE),
                            p(PROVISIONAL_NOTIFIED, 2025, 11, LATE), p(APPLICATION_REQUESTED, 2026, 2, MID),
                            p(APPLICATION_SUBMITTED, 2026, 2, LATE), p(DECISION_NOTIFIED, 2026, 3, MID), p(PAID, 2026, 3, LATE)),
                    ProcedureKind.ADJUSTMENT, List.of(
                            p(SURVEY_REQUESTED, 2025, 11, LATE), span(SURVEY_SUBMITTED, 2025, 12, MID, 2026, 1, MID),
                            span(AMOUNT_CALCULATED, 2025, 12, MID, 2026, 1, MID), p(PROVISIONAL_NOTIFIED, 2026, 2, MID),
                            p(PAID, 2026, 3, LATE)),
                    ProcedureKind.CONFIRMATION, List.of(
                            on(REPORT_REQUESTED, 2025, 5, 14), span(REPORT_SUBMITTED, 2025, 6, AROUND, 2025, 7, AROUND),
                            p(CONFIRMATION_NOTIFIED, 2026, 1, MID), p(PAID, 2026, 1, LATE)),
                    ProcedureKind.RECONFIRMATION, List.of(
                            p(REPORT_REQUESTED, 2025, 8, MID), span(REPORT_SUBMITTED, 2025, 9, AROUND, 2025, 10, AROUND),
                            p(CONFIRMATION_NOTIFIED, 2026, 1, MID), p(PAID, 2026, 1, LATE))),
            GrantType.KIKIN_SHISETSU, Map.of(
                    ProcedureKind.INITIAL, List.of(
                            on(PRECONSULTATION_REQUESTED, 2025, 6, 19), on(PRECONSULTATION_SUBMITTED, 2025, 7, 23),
                            p(PROVISIONAL_NOTIFIED, 2025, 9, AROUND), p(APPLICATION_REQUESTED, 2025, 11, AROUND),
                            p(APPLICATION_SUBMITTED, 2026, 1, AROUND), p(DECISION_NOTIFIED, 2026, 3, AROUND), p(PAID, 2026, 3, AROUND))),
            GrantType.KIKIN_JINZAI, Map.of(
                    ProcedureKind.INITIAL, List.of(
                            on(PRECONSULTATION_REQUESTED, 2025, 6, 12), on(PRECONSULTATION_SUBMITTED, 2025, 7, 18),
                            p(PROVISIONAL_NOTIFIED, 2025, 9, UNDECIDED), p(APPLICATION_REQUESTED, 2025, 11, AROUND),
                            p(APPLICATION_SUBMITTED, 2026, 1, AROUND), p(DECISION_NOTIFIED, 2026, 3, AROUND), p(PAID, 2026, 3, AROUND))),
            GrantType.KOKI_ITTAI, Map.of(
                    ProcedureKind.INITIAL, List.of(
                            on(PRECONSULTATION_REQUESTED, 2025, 4, 18), on(PRECONSULTATION_SUBMITTED, 2025, 7, 11),
                            p(PROVISIONAL_NOTIFIED, 2025, 10, AROUND), p(APPLICATION_SUBMITTED, 2025, 10, AROUND),
                            p(DECISION_NOTIFIED, 2025, 12, AROUND), p(PAID, 2025, 12, AROUND)),
                    ProcedureKind.CHANGE, List.of(
                            p(PRECONSULTATION_REQUESTED, 2025, 11, AROUND), p(PRECONSULTATION_SUBMITTED, 2026, 1, AROUND),
                            p(PROVISIONAL_NOTIFIED, 2026, 2, AROUND), p(APPLICATION_SUBMITTED, 2026, 2, AROUND),
                            p(DECISION_NOTIFIED, 2026, 3, AROUND), p(PAID, 2026, 3, AROUND)),
                    ProcedureKind.CONFIRMATION, List.of(
                            on(REPORT_REQUESTED, 2025, 4, 18), on(REPORT_SUBMITTED, 2025, 6, 30),
                            p(CONFIRMATION_NOTIFIED, 2026, 2, AROUND))));

    private GrantCalendars() {
    }

    /** The default plan for a procedure of a case of {@code targetFiscalYear}; empty where the seeds give none. */
    public static List<PlannedStep> defaultPlan(GrantType type, ProcedureKind kind, int targetFiscalYear) {
        List<PlannedStep> calendar = FY2025.getOrDefault(type, Map.of()).getOrDefault(kind, List.of());
        int shift = processingYear(kind, targetFiscalYear) - CALENDAR_YEAR;
        List<PlannedStep> plan = new ArrayList<>(calendar.size());
        calendar.forEach(s -> plan.add(s.shiftedByYears(shift)));
        return plan;
    }

    /** The fiscal year in which a procedure for the target year is worked. */
    public static int processingYear(ProcedureKind kind, int targetFiscalYear) {
        return switch (kind) {
            case CONFIRMATION -> targetFiscalYear + 1;
            case RECONFIRMATION -> targetFiscalYear + 2;
            default -> targetFiscalYear;
        };
    }

    private static PlannedStep p(GrantStep step, int year, int month, PeriodPart part) {
        return new PlannedStep(step, null, new PlannedPeriod(year, month, part), null);
    }

    private static PlannedStep span(GrantStep step, int year, int month, PeriodPart part, int untilYear, int untilMonth,
                                    PeriodPart untilPart) {
        return new PlannedStep(step, null, new PlannedPeriod(year, month, part), new PlannedPeriod(untilYear, untilMonth, untilPart));
    }

    private static PlannedStep on(GrantStep step, int year, int month, int day) {
        return new PlannedStep(step, LocalDate.of(year, month, day), null, null);
    }
}
