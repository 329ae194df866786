package casebook.kernel.grant.query;

import casebook.kernel.grant.ProcedureKind;
import java.time.LocalDate;
import java.util.List;

/** One procedure of a grant case: its steps in the kind's order, its amount trail and what it waits for (null when complete). */
public record GrantProcedureView(String procedureId, ProcedureKind kind, String kindLabel, int number, LocalDate openedOn,
                                 List<GrantStepView> steps, AmountTrail amounts, WaitingFor waitingFor,
                                 boolean complete, boolean pendingApproval) {
}
