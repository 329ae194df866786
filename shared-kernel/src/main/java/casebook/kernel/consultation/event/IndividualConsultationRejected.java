package casebook.kernel.consultation.event;

import casebook.kernel.audit.CaseEvent;
import java.time.LocalDate;

/** The consultation was rejected (不承認). */
public record IndividualConsultationRejected(String consultationId, LocalDate rejectedOn, String reason, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return consultationId;
    }
}
