package casebook.grantwork;

import casebook.readmodel.BatchWrites;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The grant cases a batch of events touched: each is loaded once, changed in memory by every event of the batch,
 * and written once (guarded by the version it was loaded at) with its bucket row.
 */
final class PendingGrantCases implements BatchWrites.Pending {

    static final String KEY = "casebook.grantwork.pending";

    private final GrantCaseRepository cases;
    private final GrantBuckets buckets;
    private final Map<String, StoredGrantCase> loaded = new LinkedHashMap<>();
    private final Map<String, StoredGrantCase> changed = new LinkedHashMap<>();

    PendingGrantCases(GrantCaseRepository cases, GrantBuckets buckets) {
        this.cases = cases;
        this.buckets = buckets;
    }

    StoredGrantCase load(String id) {
        if (loaded.containsKey(id)) {
            return loaded.get(id);
        }
        StoredGrantCase stored = cases.load(id);
        loaded.put(id, stored);
        return stored;
    }

    StoredGrantCase fresh(String id) {
        StoredGrantCase stored = StoredGrantCase.fresh();
        loaded.put(id, stored);
        return stored;
    }

    void changed(StoredGrantCase stored) {
        changed.put(stored.grantCase().id, stored);
    }

    @Override
    public void flush() {
        // Bucket, then row, then the case: should a write fail, the case document still has its old version, so
        // the same events are applied again and every write is repeated.
        for (StoredGrantCase stored : changed.values()) {
            var row = GrantRows.of(stored.grantCase());
            boolean fresh = stored.version() == StoredGrantCase.NONE;
            boolean redelivered = stored.grantCase().version == stored.version();
            if (fresh || redelivered) {
                buckets.join(row); // a redelivered last event repairs whatever its first delivery left unwritten
            }
            buckets.put(row);
            if (stored.grantCase().version != stored.version()) {
                cases.save(stored);
            }
        }
        changed.clear();
        loaded.clear();
    }
}
