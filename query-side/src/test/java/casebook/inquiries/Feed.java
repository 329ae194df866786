package casebook.inquiries;

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
 * Hands events to both projections of this package and the audit trail as Axon would: per aggregate, sequence
 * numbers from 0, recorded the evening of the business date. Keeps what it sent so that a test can replay it.
 */
final class Feed {

    record Sent(CaseEvent event, long seq, Instant recordedAt) {
    }

    private final InquiryProjection inquiries;
    private final ConsultationProjection consultations;
    private final AuditTrailProjection audit;
    private final RecordedLog log = new RecordedLog();
    private final Map<String, Long> nextSeq = new HashMap<>();
    private final List<Sent> sent = new ArrayList<>();

    Feed(InquiryProjection inquiries, ConsultationProjection consultations, AuditTrailProjection audit) {
        this.inquiries = inquiries;
        this.consultations = consultations;
        this.audit = audit;
    }

    /** Sends the events in order and returns the sequence number of the last one. */
    long send(CaseEvent... events) {
        long seq = -1;
        for (CaseEvent event : events) {
            seq = nextSeq.merge(event.caseId(), 1L, Long::sum) - 1;
            Instant at = event.occurredOn().atTime(18, 0).atZone(BusinessCalendar.TOKYO).toInstant();
            deliver(event, seq, at);
            log.record(event, at, "officer-tohoku", "CASE_OFFICER", "corr-" + seq);
            audit.on(event, seq);
            sent.add(new Sent(event, seq, at));
        }
        return seq;
    }

    List<Sent> sent() {
        return sent;
    }

    void replayAll() {
        sent.forEach(s -> deliver(s.event(), s.seq(), s.recordedAt()));
    }

    /** Both projections see every event, as in a shared processor; each keeps only its own aggregate's. */
    private void deliver(CaseEvent event, long seq, Instant at) {
        inquiries.on(event, seq, at);
        consultations.on(event, seq, at);
    }

    /** The case log the events were recorded in, as the event store would hold them. */
    RecordedLog log() {
        return log;
    }
}
