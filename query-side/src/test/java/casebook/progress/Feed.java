package casebook.progress;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.time.BusinessCalendar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands events to the projection as Axon would: per aggregate, sequence numbers from 0, recorded the evening of
 * the business date. Keeps what it sent so that a test can replay it.
 */
final class Feed {

    record Sent(CaseEvent event, long seq, Instant recordedAt) {
    }

    private final EngagementProjection projection;
    private final Map<String, Long> nextSeq = new HashMap<>();
    private final List<Sent> sent = new ArrayList<>();

    Feed(EngagementProjection projection) {
        this.projection = projection;
    }

    /** Sends the events in order and returns the sequence number of the last one. */
    long send(CaseEvent... events) {
        long seq = -1;
        for (CaseEvent event : events) {
            seq = nextSeq.merge(event.caseId(), 1L, Long::sum) - 1;
            Instant at = event.occurredOn().atTime(18, 0).atZone(BusinessCalendar.TOKYO).toInstant();
            projection.on(event, seq, at);
            sent.add(new Sent(event, seq, at));
        }
        return seq;
    }

    void replayAll() {
        sent.forEach(s -> projection.on(s.event(), s.seq(), s.recordedAt()));
    }
}
