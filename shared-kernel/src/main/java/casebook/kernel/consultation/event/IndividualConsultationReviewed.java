package casebook.kernel.consultation.event;

import casebook.kernel.audit.CaseEvent;
import java.time.LocalDate;

/** The bureau reviewed the consultation (審査・助言). */
public record IndividualConsultationReviewed(String consultationId, LocalDate reviewedOn, String reviewer, String findings, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return consultationId;
    }
}
