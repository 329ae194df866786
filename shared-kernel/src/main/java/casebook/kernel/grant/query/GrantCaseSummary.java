package casebook.kernel.grant.query;

import casebook.kernel.grant.GrantType;
import casebook.kernel.grant.RecipientKind;
import java.util.List;

/**
 * One row of the grant worklist, which as stored also carries the case's planned steps for the deadline board
 * ({@code schedule}: null in worklist answers) and its procedures for pending approvals.
 */
public record GrantCaseSummary(String id, GrantType grantType, String grantTypeLabel, RecipientKind recipientKind,
                               String recipientCode, String recipientName, String bureauCode, int targetFiscalYear,
                               String targetFiscalYearLabel, WaitingFor waitingFor, List<GrantProcedureSummary> procedures,
                               boolean pendingApproval, List<ScheduledStep> schedule, long version) {
}
