package casebook.kernel.engagement.event;

import casebook.kernel.audit.CaseEvent;
import java.time.LocalDate;

/** A decision (決定) was recorded. */
public record DecisionRecorded(String engagementId, String decisionId, String milestone, LocalDate decidedOn, String text, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return engagementId;
    }
}
