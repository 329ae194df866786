package casebook.grantwork;

import casebook.audittrail.AuditTrailProjection;
import casebook.kernel.audit.CaseEvent;
import casebook.kernel.time.BusinessCalendar;
import casebook.testing.RecordedLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands events to the grant projection (and the audit trail) as Axon would: per aggregate, sequence numbers from
 * 0, recorded the evening of the business date. Keeps what it sent so that a test can replay it.
 */
final class GrantFeed {

    record Sent(CaseEvent event, long seq, Instant recordedAt) {
    }

    private final GrantCaseProjection projection;
    private final AuditTrailProjection audit;
    private final RecordedLog log = new RecordedLog();
    private final Map<String, Long> nextSeq = new HashMap<>();
    private final List<Sent> sent = new ArrayList<>();

    GrantFeed(GrantCaseProjection projection, AuditTrailProjection audit) {
        this.projection = projection;
        this.audit = audit;
    }

    /** Sends the events in order and returns the sequence number of the last one. */
    long send(CaseEvent... events) {
        long seq = -1;
        for (CaseEvent event : events) {
            seq = nextSeq.merge(event.caseId(), 1L, Long::sum) - 1;
            Instant at = event.occurredOn().atTime(18, 0).atZone(BusinessCalendar.TOKYO).toInstant();
            projection.on(event, seq, at);
            log.record(event, at, "officer-tohoku", "CASE_OFFICER", "corr-" + seq);
            audit.on(event, seq);
            sent.add(new Sent(event, seq, at));
        }
        return seq;
    }

    List<Sent> sent() {
        return sent;
    }

    /** What a rebuild does first: the read model emptied by its reset handler. */
    void reset() {
        projection.reset();
    }

    void replayAll() {
        sent.forEach(s -> projection.on(s.event(), s.seq(), s.recordedAt()));
    }

    /** The case log the events were recorded in, as the event store would hold them. */
    RecordedLog log() {
        return log;
    }
}
