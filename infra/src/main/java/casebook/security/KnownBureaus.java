package casebook.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bureaus of cases already looked up. A case's bureau is named by its opening event and never changes (the
 * audit trail sets it from that event only), so once known it is known for good: a command or a detail read of a
 * case asks the database again for nothing. Cases not known (no such case, not projected yet) are never kept.
 * Bounded, least recently used out: 50,000 cases (a ten-year national store has about 37,000) is a few megabytes.
 */
final class KnownBureaus {

    private final Map<String, String> bureaus;

    KnownBureaus(int maxCases) {
        this.bureaus = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > maxCases;
            }
        };
    }

    /** The case's bureau, or null when it has not been looked up (or has been dropped). */
    synchronized String get(String caseId) {
        return bureaus.get(caseId);
    }

    synchronized void put(String caseId, String bureau) {
        bureaus.put(caseId, bureau);
    }
}
