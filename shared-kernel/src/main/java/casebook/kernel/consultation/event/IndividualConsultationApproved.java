package casebook.kernel.consultation.event;

import casebook.kernel.audit.CaseEvent;
import java.time.LocalDate;

/** The consultation was approved with the 上限超過承認額, in whole yen. */
public record IndividualConsultationApproved(String consultationId, LocalDate approvedOn, long approvedExcessAmount, String approvedBy, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return consultationId;
    }
}
