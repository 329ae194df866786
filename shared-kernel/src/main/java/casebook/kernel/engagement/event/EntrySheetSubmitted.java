package casebook.kernel.engagement.event;

import casebook.kernel.audit.CaseEvent;
import java.time.LocalDate;

/** The municipality's entry sheet was received (エントリー). */
public record EntrySheetSubmitted(String engagementId, LocalDate receivedOn, String note, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return engagementId;
    }
}
