package casebook.kernel.grant.query;

import casebook.kernel.grant.GrantType;
import casebook.kernel.grant.ProcedureKind;
import java.time.LocalDate;

/** A procedure waiting for its 交付決定決裁: the authorised amount (示達額), the day 示達 came and the days since. */
public record PendingApproval(String grantCaseId, GrantType grantType, String grantTypeLabel, String recipientName,
                              String recipientCode, String bureauCode, int targetFiscalYear, String procedureId,
                              ProcedureKind procedureKind, String procedureKindLabel, int procedureNumber,
                              Long authorisedAmount, LocalDate authorisedOn, long daysWaiting) {
}
