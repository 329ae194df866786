package casebook.kernel.inquiry.event;

import casebook.kernel.audit.CaseEvent;
import java.time.LocalDate;

/** The inquiry was closed (完了). */
public record InquiryClosed(String inquiryId, LocalDate closedOn, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return inquiryId;
    }
}
