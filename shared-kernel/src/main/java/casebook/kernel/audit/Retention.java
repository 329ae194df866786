package casebook.kernel.audit;

import casebook.kernel.time.FiscalYear;
import java.time.LocalDate;

/**
 * How long the records of a closed case are kept (公文書管理法): the period counts from 1 April of the fiscal
 * year after the case closed, so a case closed in FY2025 with 5 years is kept until 31 March 2031.
 *
 * @param retentionClass the label shown to people, e.g. 補助金等の交付に関する文書
 * @param years          the period; grant records are kept at least 5 years
 */
public record Retention(CaseType caseType, String retentionClass, int years) {

    public Retention {
        if (caseType == CaseType.GRANT_CASE && years < 5) {
            throw new IllegalArgumentException("grant records are kept at least 5 years");
        }
    }

    /** The first day of the period: 1 April of the fiscal year after the one the case closed in. */
    public LocalDate startsOn(LocalDate closedOn) {
        return FiscalYear.of(closedOn).lastDay().plusDays(1);
    }

    /** The last day the records must be kept. */
    public LocalDate retainUntil(LocalDate closedOn) {
        return startsOn(closedOn).plusYears(years).minusDays(1);
    }
}
