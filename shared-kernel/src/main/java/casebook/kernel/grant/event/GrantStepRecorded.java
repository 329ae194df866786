package casebook.kernel.grant.event;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.grant.GrantStep;
import casebook.kernel.grant.ProcedureKind;
import java.time.LocalDate;
import java.util.List;

/** A step of a grant procedure happened on {@code on} (e.g. 支出負担行為示達, 交付決定決裁, 支払い). */
public record GrantStepRecorded(String grantCaseId, String procedureId, ProcedureKind procedureKind, GrantStep step, LocalDate on,
                                Long amount, String noticeNo, List<String> documents, String note,
                                LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return grantCaseId;
    }
}
