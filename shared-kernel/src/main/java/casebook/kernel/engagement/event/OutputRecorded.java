package casebook.kernel.engagement.event;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.engagement.OutputKind;
import java.time.LocalDate;

/** An output of the engagement was recorded by reference. */
public record OutputRecorded(String engagementId, String outputId, OutputKind kind, String title, String uri, String milestone, LocalDate producedOn, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return engagementId;
    }
}
