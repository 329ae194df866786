package casebook.progress;

import casebook.kernel.engagement.query.EngagementSummary;
import casebook.readmodel.CasesOfABatch;
import java.util.function.Consumer;

/** The engagements a batch of events touched, written once with their bucket row. */
final class PendingEngagements extends CasesOfABatch<StoredEngagement> {

    static final String KEY = "casebook.progress.pending";

    private final EngagementRepository engagements;
    private final BucketRepository buckets;
    private final Consumer<EngagementSummary> written;

    PendingEngagements(EngagementRepository engagements, BucketRepository buckets, Consumer<EngagementSummary> written) {
        this.engagements = engagements;
        this.buckets = buckets;
        this.written = written;
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
        written.accept(row);
    }
}
