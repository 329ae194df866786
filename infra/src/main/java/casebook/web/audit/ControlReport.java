package casebook.web.audit;

import java.util.List;

/**
 * The controls an auditor checks for one bureau and fiscal year (DOMAIN.md §6.3 A4), each with the cases
 * and positions that break it.
 */
public record ControlReport(String bureau, int fiscalYear, String fiscalYearLabel, int casesChecked, boolean allPassed,
                            List<Control> controls) {

    public record Control(String rule, String label, int checked, boolean passed, List<Violation> violations) {
    }

    public record Violation(String caseId, long seq, String detail) {
    }
}
