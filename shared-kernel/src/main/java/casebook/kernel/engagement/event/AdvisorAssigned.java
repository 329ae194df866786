package casebook.kernel.engagement.event;

import casebook.kernel.audit.CaseEvent;
import java.time.LocalDate;

/** An advisor joined the support team; affiliation and title as they were on that day. */
public record AdvisorAssigned(String engagementId, String advisorId, String name, String affiliation, String title, LocalDate assignedOn, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return engagementId;
    }
}
