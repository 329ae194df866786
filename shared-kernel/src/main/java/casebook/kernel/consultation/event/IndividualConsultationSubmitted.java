package casebook.kernel.consultation.event;

import casebook.kernel.audit.CaseEvent;
import java.time.LocalDate;

/** The consultation was submitted to the bureau via the prefecture. */
public record IndividualConsultationSubmitted(String consultationId, LocalDate submittedOn, String prefectureCode, String prefectureName, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return consultationId;
    }
}
