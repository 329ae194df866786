package casebook.kernel.grant.event;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.grant.PlannedStep;
import casebook.kernel.grant.ProcedureKind;
import java.time.LocalDate;
import java.util.List;

/** A procedure was opened in a grant case; {@code number} counts procedures of its kind (変更交付 may repeat). */
public record GrantProcedureOpened(String grantCaseId, String procedureId, ProcedureKind kind, int number,
                                   List<PlannedStep> plannedSchedule, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return grantCaseId;
    }
}
