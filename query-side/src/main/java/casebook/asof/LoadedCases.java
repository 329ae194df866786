package casebook.asof;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decoded events of the cases read most recently, so that an auditor stepping a case's as-of instant back and
 * forth, or through its steps, does not read and decode the same few hundred events on every move. An entry is
 * topped up with the events the log holds after its {@code lastSeq} before it is used (see {@link CaseEvents#load}),
 * so it can never answer with less than the log holds. Bounded by the number of events held, least recently used first
 * out.
 */
final class LoadedCases {

    record Loaded(long lastSeq, List<AuditedEvent> events) {
    }

    private final int maxEvents;
    private final Map<String, Loaded> byCase = new LinkedHashMap<>(64, 0.75f, true);
    private int held;

    LoadedCases(int maxEvents) {
        this.maxEvents = maxEvents;
    }

    synchronized Loaded get(String caseId) {
        return byCase.get(caseId);
    }

    synchronized void put(String caseId, Loaded loaded) {
        if (loaded.events().size() > maxEvents) {
            return;
        }
        Loaded previous = byCase.put(caseId, loaded);
        held += loaded.events().size() - (previous == null ? 0 : previous.events().size());
        Iterator<Loaded> oldest = byCase.values().iterator();
        while (held > maxEvents && oldest.hasNext()) {
            held -= oldest.next().events().size();
            oldest.remove();
        }
    }
}
