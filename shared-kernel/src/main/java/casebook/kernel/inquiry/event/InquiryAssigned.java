package casebook.kernel.inquiry.event;

import casebook.kernel.audit.CaseEvent;
import java.time.LocalDate;

/** The inquiry was assigned to an officer, or handed over to another. */
public record InquiryAssigned(String inquiryId, String officer, LocalDate assignedOn, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return inquiryId;
    }
}
