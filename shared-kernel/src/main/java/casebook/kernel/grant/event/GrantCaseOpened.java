package casebook.kernel.grant.event;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.grant.GrantType;
import casebook.kernel.grant.RecipientKind;
import java.time.LocalDate;

/** A grant case was opened (交付案件). */
public record GrantCaseOpened(String grantCaseId, GrantType grantType, RecipientKind recipientKind, String recipientCode,
                              String recipientName, String prefectureCode, String bureauCode, int targetFiscalYear,
                              LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return grantCaseId;
    }
}
