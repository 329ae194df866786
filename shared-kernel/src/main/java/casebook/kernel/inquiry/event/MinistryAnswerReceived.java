package casebook.kernel.inquiry.event;

import casebook.kernel.audit.CaseEvent;
import java.time.LocalDate;

/** The ministry answered an escalated inquiry. */
public record MinistryAnswerReceived(String inquiryId, LocalDate receivedOn, String answer, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return inquiryId;
    }
}
