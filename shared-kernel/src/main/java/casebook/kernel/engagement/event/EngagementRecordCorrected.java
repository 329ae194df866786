package casebook.kernel.engagement.event;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.engagement.CorrectedFields;
import java.time.LocalDate;

/** Fields of an earlier event were corrected; the corrected event stays as it was. */
public record EngagementRecordCorrected(String engagementId, long correctsEvent, String correctedType, CorrectedFields fields, String reason, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return engagementId;
    }
}
