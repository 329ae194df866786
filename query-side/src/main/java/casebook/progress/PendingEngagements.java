package casebook.progress;

import casebook.readmodel.BatchWrites;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engagements a batch of events touched: each is loaded once, changed in memory by every event of
 * the batch, and written once (guarded by the version it was loaded at) with its bucket row.
 */
final class PendingEngagements implements BatchWrites.Pending {

    static final String KEY = "casebook.progress.pending";

    private final EngagementRepository engagements;
    private final BucketRepository buckets;
    private final Map<String, StoredEngagement> loaded = new LinkedHashMap<>();
    private final Map<String, StoredEngagement> changed = new LinkedHashMap<>();

    PendingEngagements(EngagementRepository engagements, BucketRepository buckets) {
        this.engagements = engagements;
        this.buckets = buckets;
    }

    StoredEngagement load(String id) {
        if (loaded.containsKey(id)) {
            return loaded.get(id);
        }
        StoredEngagement stored = engagements.load(id);
        loaded.put(id, stored);
        return stored;
    }

    StoredEngagement fresh(String id) {
        StoredEngagement stored = StoredEngagement.fresh();
        loaded.put(id, stored);
        return stored;
    }

    void changed(StoredEngagement stored) {
        changed.put(stored.engagement().id, stored);
    }

    @Override
    public void flush() {
        // Bucket, then row, then the engagement: should a write fail, the engagement document still has its
        // old version, so the same events are applied again and every write is repeated.
        for (StoredEngagement stored : changed.values()) {
            var row = SummaryRow.of(stored.engagement());
            boolean fresh = stored.version() == StoredEngagement.NONE;
            boolean redelivered = stored.engagement().version == stored.version();
            if (fresh || redelivered) {
                buckets.join(row); // a redelivered last event repairs whatever its first delivery left unwritten
            }
            buckets.put(row);
            if (stored.engagement().version != stored.version()) {
                engagements.save(stored);
            }
        }
        changed.clear();
        loaded.clear();
    }
}
