package casebook.kernel.engagement.event;

import casebook.kernel.audit.CaseEvent;
import java.time.LocalDate;

/** A milestone was skipped so that later ones may be held. */
public record MilestoneSkipped(String engagementId, String milestone, String reason, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return engagementId;
    }
}
