package casebook.kernel.grant.query;

import casebook.kernel.grant.GrantStep;
import casebook.kernel.grant.ProcedureKind;
import java.time.LocalDate;

/**
 * The next step a procedure waits for: the first step after its last recorded one that is still needed.
 * {@code overdue} is worked out when read (null as stored).
 */
public record WaitingFor(String procedureId, ProcedureKind procedureKind, GrantStep step, String label,
                         String plannedLabel, LocalDate dueBy, Boolean overdue) {
}
