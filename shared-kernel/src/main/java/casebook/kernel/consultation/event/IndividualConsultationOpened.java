package casebook.kernel.consultation.event;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.consultation.CapInputs;
import casebook.kernel.consultation.ConsultationReason;
import java.time.LocalDate;

/** An individual consultation (個別協議) to exceed the 総合事業 cap was opened. */
public record IndividualConsultationOpened(String consultationId, String municipalityCode, String municipalityName, String prefectureCode, String bureauCode, int fiscalYear, CapInputs capInputs, long plannedCost, long excessAmount, ConsultationReason reason, String reasonDetail, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return consultationId;
    }
}
