package casebook.grant;

import casebook.kernel.grant.GrantStep;

/**
 * "本省より、支出負担行為示達の連絡がされた後、交付決定決裁を行う": the grant decision (交付決定決裁) is approved only after head
 * office has notified the expenditure authority (支出負担行為示達) (DOMAIN.md §3.2; HTTP 409 by contract).
 */
public class DecisionBeforeExpenditureAuthority extends StepOutOfOrder {
    public DecisionBeforeExpenditureAuthority(String field, String message) {
        super(field, GrantStep.DECISION_APPROVED, GrantStep.EXPENDITURE_AUTHORITY_RECEIVED, message);
    }
}
