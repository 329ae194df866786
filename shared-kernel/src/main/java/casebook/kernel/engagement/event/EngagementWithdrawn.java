package casebook.kernel.engagement.event;

import casebook.kernel.audit.CaseEvent;
import java.time.LocalDate;

/** The municipality withdrew (辞退). */
public record EngagementWithdrawn(String engagementId, LocalDate withdrawnOn, String reason, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return engagementId;
    }
}
