package casebook.kernel.engagement.event;

import casebook.kernel.audit.CaseEvent;
import java.time.LocalDate;

/** A milestone was cancelled (中止). */
public record MilestoneCancelled(String engagementId, String milestone, String reason, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return engagementId;
    }
}
