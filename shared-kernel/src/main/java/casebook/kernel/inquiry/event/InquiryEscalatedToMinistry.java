package casebook.kernel.inquiry.event;

import casebook.kernel.audit.CaseEvent;
import java.time.LocalDate;

/** The inquiry was referred to the ministry (本省照会). */
public record InquiryEscalatedToMinistry(String inquiryId, LocalDate escalatedOn, String question, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return inquiryId;
    }
}
