package casebook.kernel.grant.query;

import casebook.kernel.grant.GrantType;
import casebook.kernel.grant.RecipientKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The detail of one grant case as the grant read model holds it: procedures in opening order. {@code waitingFor}
 * is that of the earliest procedure not complete; {@code pendingApproval}: some procedure has 示達 but no 決裁.
 * {@code version} is the sequence number of the last event applied (the ETag).
 */
public record GrantCaseView(
        String id, GrantType grantType, String grantTypeLabel, RecipientKind recipientKind, String recipientKindLabel,
        String recipientCode, String recipientName, String prefectureCode, String bureauCode,
        int targetFiscalYear, String targetFiscalYearLabel, LocalDate openedOn,
        List<GrantProcedureView> procedures, WaitingFor waitingFor, boolean pendingApproval,
        long version, Instant lastRecordedAt) {
}
