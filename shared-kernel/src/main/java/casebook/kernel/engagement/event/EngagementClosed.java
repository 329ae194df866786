package casebook.kernel.engagement.event;

import casebook.kernel.audit.CaseEvent;
import java.time.LocalDate;

/** The engagement was closed (終了). */
public record EngagementClosed(String engagementId, LocalDate closedOn, String outcomeSummary, String reason, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return engagementId;
    }
}
