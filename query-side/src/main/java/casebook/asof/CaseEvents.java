package casebook.asof;

import casebook.audittrail.CaseLog;
import casebook.audittrail.LoggedEvent;
import casebook.audittrail.Timelines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one case's events from the event log (by the case's stream key, never a scan) and keeps the cases read most
 * recently in memory: an auditor stepping a case's as-of instant back and forth, or through its steps, costs one
 * look for newer events instead of reading and decoding a few hundred events on every move.
 */
final class CaseEvents {

    /** About 1-2 KB per decoded event: 20,000 events keep the cases in use for some 30 MB of heap. */
    private static final int CACHED_EVENTS = 20_000;

    private final CaseLog log;
    private final LoadedCases loaded = new LoadedCases(CACHED_EVENTS);

    CaseEvents(CaseLog log) {
        this.log = log;
    }

    /**
     * Every event of the case in sequence order; empty for a case the log does not know. A case read before is
     * topped up with only its newer events: the log is only ever appended to, and which events a correction names
     * is worked out again over the whole case whenever one comes.
     */
    List<AuditedEvent> load(String caseId) {
        if (caseId == null || caseId.isBlank()) {
            return List.of();
        }
        LoadedCases.Loaded known = loaded.get(caseId);
        List<AuditedEvent> events;
        if (known == null) {
            events = audited(log.read(caseId, 0));
        } else {
            List<LoggedEvent> newer = log.read(caseId, known.lastSeq() + 1);
            if (newer.isEmpty()) {
                return known.events();
            }
            events = new ArrayList<>(known.events());
            events.addAll(audited(newer));
            if (newer.stream().anyMatch(e -> Timelines.corrects(e.event()) != null)) {
                events = withCorrections(events);
            }
        }
        List<AuditedEvent> result = List.copyOf(events);
        if (!result.isEmpty()) {
            loaded.put(caseId, new LoadedCases.Loaded(result.get(result.size() - 1).seq(), result));
        }
        return result;
    }

    private static List<AuditedEvent> audited(List<LoggedEvent> logged) {
        List<AuditedEvent> events = new ArrayList<>(logged.size());
        for (LoggedEvent e : logged) {
            events.add(new AuditedEvent(e.seq(), e.event().getClass().getSimpleName(), Timelines.label(e.event()),
                    e.event().occurredOn(), e.recordedAt(), e.actor(),
                    Timelines.late(e.event().occurredOn(), e.recordedAt()), List.of(), e.event()));
        }
        return withCorrections(events);
    }

    /** The events with each one's {@code correctedBy} named from the corrections among them. */
    private static List<AuditedEvent> withCorrections(List<AuditedEvent> events) {
        Map<Long, List<Long>> by = Timelines.correctedBy(events, AuditedEvent::seq, AuditedEvent::event);
        if (by.isEmpty() && events.stream().allMatch(e -> e.correctedBy().isEmpty())) {
            return events;
        }
        List<AuditedEvent> marked = new ArrayList<>(events.size());
        for (AuditedEvent e : events) {
            marked.add(new AuditedEvent(e.seq(), e.type(), e.typeLabel(), e.occurredOn(), e.recordedAt(), e.actor(),
                    e.lateEntry(), List.copyOf(by.getOrDefault(e.seq(), List.of())), e.event()));
        }
        return marked;
    }
}
