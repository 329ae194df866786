package casebook.grant;

import casebook.kernel.grant.GrantStep;

/** The amount is confirmed (交付額確定) from the performance report (実績報告), so the report comes first. */
public class ConfirmationBeforeReport extends StepOutOfOrder {
    public ConfirmationBeforeReport(String field, String message) {
        super(field, GrantStep.AMOUNT_CONFIRMED, GrantStep.REPORT_SUBMITTED, message);
    }
}
