package casebook.asof;

import casebook.audittrail.AuditTrailProjection;
import casebook.grantwork.GrantCaseProjection;
import casebook.inquiries.ConsultationProjection;
import casebook.inquiries.InquiryProjection;
import casebook.kernel.audit.CaseEvent;
import casebook.kernel.audit.asof.RecordedCaseEvent;
import casebook.kernel.time.BusinessCalendar;
import casebook.progress.EngagementProjection;
import com.mongodb.client.MongoDatabase;
import casebook.testing.RecordedLog;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands events to every projection and the audit trail as Axon would (per case, sequence numbers from 0), recorded
 * the evening of the business date unless a test says when. Keeps what it sent, as the replay's input.
 */
final class Recorder {

    private final EngagementProjection engagements;
    private final GrantCaseProjection grants;
    private final InquiryProjection inquiries;
    private final ConsultationProjection consultations;
    private final AuditTrailProjection audit;
    private final RecordedLog log = new RecordedLog();
    private final Map<String, Long> nextSeq = new HashMap<>();
    private final List<RecordedCaseEvent> sent = new ArrayList<>();

    Recorder(MongoDatabase db) {
        engagements = new EngagementProjection(db);
        grants = new GrantCaseProjection(db);
        inquiries = new InquiryProjection(db);
        consultations = new ConsultationProjection(db);
        audit = new AuditTrailProjection(db);
    }

    static Instant evening(LocalDate day) {
        return day.atTime(18, 0).atZone(BusinessCalendar.TOKYO).toInstant();
    }

    /** Records the event the evening of its business date; returns its sequence number. */
    long send(CaseEvent event) {
        return sendAt(event, evening(event.occurredOn()));
    }

    long sendAt(CaseEvent event, Instant recordedAt) {
        long seq = nextSeq.merge(event.caseId(), 1L, Long::sum) - 1;
        engagements.on(event, seq, recordedAt);
        grants.on(event, seq, recordedAt);
        inquiries.on(event, seq, recordedAt);
        consultations.on(event, seq, recordedAt);
        log.record(event, recordedAt, "officer-kyushu", "CASE_OFFICER", "corr-" + seq);
        audit.on(event, seq);
        sent.add(new RecordedCaseEvent(event, seq, recordedAt));
        return seq;
    }

    List<RecordedCaseEvent> of(String caseId) {
        return sent.stream().filter(e -> e.event().caseId().equals(caseId)).toList();
    }

    /** The case log the events were recorded in, as the event store would hold them. */
    RecordedLog log() {
        return log;
    }
}
