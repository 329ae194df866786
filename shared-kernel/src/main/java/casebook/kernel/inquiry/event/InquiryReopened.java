package casebook.kernel.inquiry.event;

import casebook.kernel.audit.CaseEvent;
import java.time.LocalDate;

/** A closed inquiry was reopened. */
public record InquiryReopened(String inquiryId, LocalDate reopenedOn, String reason, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return inquiryId;
    }
}
