package casebook.kernel.inquiry.event;

import casebook.kernel.audit.CaseEvent;
import java.time.LocalDate;

/** The inquirer was answered (回答). */
public record InquiryAnswered(String inquiryId, LocalDate answeredOn, String answer, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return inquiryId;
    }
}
