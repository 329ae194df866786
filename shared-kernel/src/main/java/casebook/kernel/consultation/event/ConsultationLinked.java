package casebook.kernel.consultation.event;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.consultation.LinkKind;
import java.time.LocalDate;

/** The consultation was linked to a grant case or a support engagement. */
public record ConsultationLinked(String consultationId, LinkKind kind, String linkedId, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return consultationId;
    }
}
