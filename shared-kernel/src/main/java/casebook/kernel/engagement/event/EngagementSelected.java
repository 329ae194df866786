package casebook.kernel.engagement.event;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.engagement.SelectedBy;
import java.time.LocalDate;

/** The municipality was selected (選定). */
public record EngagementSelected(String engagementId, LocalDate selectedOn, SelectedBy selectedBy, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return engagementId;
    }
}
