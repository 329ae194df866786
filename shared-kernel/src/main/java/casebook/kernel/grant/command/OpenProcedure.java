package casebook.kernel.grant.command;

import casebook.kernel.grant.PlannedStep;
import casebook.kernel.grant.ProcedureKind;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens a procedure in a grant case with its planned schedule (null: the default calendar of its grant type). */
public record OpenProcedure(@TargetAggregateIdentifier String grantCaseId, String procedureId, ProcedureKind kind,
                            List<PlannedStep> plannedSchedule, LocalDate occurredOn) {
}
