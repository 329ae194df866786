package casebook.grantwork;

import casebook.kernel.grant.query.GrantCaseSummary;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Worklist rows already read and decoded, by case id. A row is a function of its case's events up to its version, so
 * the row of a given version never changes: a reader that finds (by a look-up of the versions only) that the stored
 * row still has the version held here skips reading and decoding it again. The worklist, the deadline board and
 * pending approvals read the same rows over and over, each answer hundreds of them. Bounded, least recently used out.
 */
final class DecodedRows {

    private final int max;
    private final Map<String, GrantCaseSummary> byId;

    DecodedRows(int max) {
        this.max = max;
        this.byId = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, GrantCaseSummary> eldest) {
                return size() > DecodedRows.this.max;
            }
        };
    }

    /** The row of that version, or null when it is not held (or only another version is). */
    synchronized GrantCaseSummary get(String id, long version) {
        GrantCaseSummary row = byId.get(id);
        return row != null && row.version() == version ? row : null;
    }

    synchronized void put(GrantCaseSummary row) {
        GrantCaseSummary held = byId.get(row.id());
        if (held == null || held.version() <= row.version()) {
            byId.put(row.id(), row);
        }
    }
}
