package casebook.progress;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.engagement.query.EngagementSummary;
import casebook.readmodel.CasesOfABatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.RawBsonDocument;

/** The engagements a batch of events touched, written once with their bucket row. */
final class PendingEngagements extends CasesOfABatch<StoredEngagement, RawBsonDocument> {

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
    protected Map<String, RawBsonDocument> fetchAll(List<String> ids) {
        return engagements.documents(ids);
    }

    @Override
    protected StoredEngagement decode(RawBsonDocument document) {
        return engagements.decode(document);
    }

    @Override
    protected boolean handles(CaseEvent event) {
        return EngagementApplier.handles(event);
    }

    /** An engagement with its milestone records is tens of KB: fewer are kept during a replay than of other cases. */
    @Override
    protected int keptWhileReplaying() {
        return 250;
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
        writeAll(List.of(stored));
    }

    /**
     * As {@link #write}, for the whole batch: all buckets, then all rows, then the buckets' new stamps, then all
     * engagements, a bulk write each.
     */
    @Override
    protected void writeAll(List<StoredEngagement> all) {
        List<EngagementSummary> joins = new ArrayList<>();
        List<EngagementSummary> rows = new ArrayList<>(all.size());
        List<StoredEngagement> saves = new ArrayList<>(all.size());
        for (StoredEngagement stored : all) {
            var row = SummaryRow.of(stored.engagement());
            boolean fresh = stored.version() == StoredEngagement.NONE;
            boolean redelivered = stored.engagement().version == stored.version();
            if (fresh || redelivered) {
                joins.add(row); // a redelivered last event repairs whatever its first delivery left unwritten
            }
            rows.add(row);
            if (!redelivered) {
                saves.add(stored);
            }
        }
        buckets.joinAll(joins);
        buckets.putAll(rows);
        buckets.touch(rows);
        engagements.saveAll(saves);
        rows.forEach(written);
    }
}
