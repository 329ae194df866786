package casebook.kernel.grant.query;

import casebook.kernel.grant.GrantStep;
import casebook.kernel.grant.ProcedureKind;
import java.time.LocalDate;

/** A procedure in a worklist row: what it waits for and its key amounts and dates. */
public record GrantProcedureSummary(String procedureId, ProcedureKind kind, String kindLabel, int number,
                                    GrantStep waitingFor, String waitingForLabel, boolean complete,
                                    Long authorised, LocalDate authorisedOn, Long decided, LocalDate approvedOn,
                                    Long paid, Long confirmed, Long settlement) {
}
