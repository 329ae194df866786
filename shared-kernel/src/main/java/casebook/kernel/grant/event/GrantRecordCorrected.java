package casebook.kernel.grant.event;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.grant.GrantCorrectedFields;
import java.time.LocalDate;

/** A recorded step was corrected; the corrected event stays as it was. */
public record GrantRecordCorrected(String grantCaseId, long correctsEvent, String procedureId, String correctedType,
                                   GrantCorrectedFields fields, String reason, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return grantCaseId;
    }
}
