package casebook.testing;

import casebook.audittrail.CaseLog;
import casebook.audittrail.LoggedEvent;
import casebook.kernel.audit.CaseEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A case log kept in memory, for the query side's own tests: the events a test records, in the order it records
 * them. (The log on the event store itself is tested in infra, on the embedded server.) Each event's hash is made
 * up from its position so that a test can see the chain fields carried through.
 */
public final class RecordedLog implements CaseLog {

    private final Map<String, List<LoggedEvent>> byCase = new ConcurrentHashMap<>();

    /** Records the event as the case's next one and returns its sequence number. */
    public long record(CaseEvent event, Instant recordedAt, String actor, String actorRole, String correlationId) {
        List<LoggedEvent> events = byCase.computeIfAbsent(event.caseId(), k -> new ArrayList<>());
        synchronized (events) {
            long seq = events.size();
            events.add(new LoggedEvent(seq, event, recordedAt, actor, actorRole, correlationId,
                    hash(event.caseId(), seq), seq == 0 ? "" : hash(event.caseId(), seq - 1)));
            return seq;
        }
    }

    public static String hash(String caseId, long seq) {
        return "hash-" + caseId + "-" + seq;
    }

    @Override
    public List<LoggedEvent> read(String caseId, long fromSeq) {
        List<LoggedEvent> events = byCase.getOrDefault(caseId, List.of());
        synchronized (events) {
            return events.stream().filter(e -> e.seq() >= fromSeq).toList();
        }
    }
}
