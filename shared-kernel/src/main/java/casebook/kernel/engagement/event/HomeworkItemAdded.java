package casebook.kernel.engagement.event;

import casebook.kernel.audit.CaseEvent;
import java.time.LocalDate;

/** A homework item was set. */
public record HomeworkItemAdded(String engagementId, String itemId, String description, String owner, String dueBefore, LocalDate dueOn, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return engagementId;
    }
}
