package casebook.kernel.audit;

import java.time.LocalDate;

/**
 * Every event of a case. {@code occurredOn} is the business date (Asia/Tokyo) the thing happened;
 * when it was recorded is the event's own timestamp, so auditors can tell late entries apart.
 */
public interface CaseEvent {
    String caseId();

    LocalDate occurredOn();
}
