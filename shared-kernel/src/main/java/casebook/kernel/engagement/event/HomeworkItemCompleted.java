package casebook.kernel.engagement.event;

import casebook.kernel.audit.CaseEvent;
import java.time.LocalDate;

/** A homework item was done. */
public record HomeworkItemCompleted(String engagementId, String itemId, LocalDate completedOn, String note, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return engagementId;
    }
}
