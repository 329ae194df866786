package casebook.kernel.grant.query;

import casebook.kernel.grant.GrantStep;
import casebook.kernel.grant.GrantType;
import casebook.kernel.grant.ProcedureKind;
import java.time.LocalDate;

/**
 * One planned step on the deadline board. {@code overdue}: still expected, not recorded, and its {@code dueBy} is
 * before today in Asia/Tokyo; {@code status} says the same in full (DONE, OVERDUE, PLANNED, SKIPPED).
 */
public record DeadlineItem(String grantCaseId, GrantType grantType, String grantTypeLabel, String recipientName,
                           String recipientCode, String bureauCode, int targetFiscalYear, String procedureId,
                           ProcedureKind procedureKind, String procedureKindLabel, int procedureNumber, GrantStep step,
                           String stepLabel, String plannedLabel, LocalDate dueBy, boolean recorded, LocalDate recordedOn,
                           boolean overdue, GrantStepStatus status) {
}
