package casebook.kernel.grant.query;

import casebook.kernel.grant.GrantStep;
import casebook.kernel.grant.ProcedureKind;
import java.time.LocalDate;

/**
 * A planned step of a case, for the deadline board: {@code dueBy} (null when 時期未定, then {@code tentativeBy} is
 * the end of the month the calendar guessed), when it was recorded, and whether it is still expected.
 */
public record ScheduledStep(String procedureId, ProcedureKind procedureKind, int number, GrantStep step, String stepLabel,
                            String plannedLabel, LocalDate dueBy, LocalDate tentativeBy, LocalDate recordedOn,
                            boolean outstanding) {
}
