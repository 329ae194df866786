package casebook.progress;

import casebook.readmodel.CasesOfABatch;

/** The engagements a batch of events touched, written once with their bucket row. */
final class PendingEngagements extends CasesOfABatch<StoredEngagement> {

    static final String KEY = "casebook.progress.pending";

    private final EngagementRepository engagements;
    private final BucketRepository buckets;

    PendingEngagements(EngagementRepository engagements, BucketRepository buckets) {
        this.engagements = engagements;
        this.buckets = buckets;
    }

    @Override
    protected StoredEngagement read(String id) {
        return engagements.load(id);
    }

    @Override
    protected StoredEngagement empty() {
        return StoredEngagement.fresh();
    }

    void changed(StoredEngagement stored) {
        changed(stored.engagement().id, stored);
    }

    /**
     * Bucket, then row, then the engagement: should a write fail, the engagement document still has its old
     * version, so the same events are applied again and every write is repeated.
     */
    @Override
    protected void write(StoredEngagement stored) {
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
}
