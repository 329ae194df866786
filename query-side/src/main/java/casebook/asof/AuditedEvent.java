package casebook.asof;

import casebook.audittrail.Timelines;
import casebook.kernel.audit.CaseEvent;
import casebook.kernel.audit.asof.RecordedCaseEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One logged event of a case as the as-of replay uses it, with the corrections that name it. */
record AuditedEvent(long seq, String type, String typeLabel, LocalDate occurredOn, Instant recordedAt, String actor,
                    boolean lateEntry, List<Long> correctedBy, CaseEvent event) {

    RecordedCaseEvent recorded() {
        return new RecordedCaseEvent(event, seq, recordedAt);
    }

    /** The sequence number a correction names; null for any other event. */
    Long corrects() {
        return Timelines.corrects(event);
    }
}
