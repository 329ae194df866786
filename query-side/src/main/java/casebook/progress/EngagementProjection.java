package casebook.progress;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.engagement.event.EngagementRegistered;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;

/**
 * Feeds the progress read model (collections {@code engagements} and {@code engagement_buckets}) from the
 * SupportEngagement events. Each event is applied to the engagement loaded by _id and stored with one guarded
 * replace, then the engagement's bucket row is rewritten with one $set; events at or below the stored version
 * are skipped, so a replayed batch changes nothing.
 */
public class EngagementProjection {

    private final EngagementRepository engagements;
    private final BucketRepository buckets;

    public EngagementProjection(MongoDatabase db) {
        this.engagements = new EngagementRepository(db);
        this.buckets = new BucketRepository(db);
        engagements.ensureIndexes();
    }

    @EventHandler
    public void on(CaseEvent event, @SequenceNumber Long seq, @Timestamp Instant recordedAt) {
        if (seq == null || !EngagementApplier.handles(event)) {
            return;
        }
        StoredEngagement stored = engagements.load(event.caseId());
        if (stored == null) {
            if (!(event instanceof EngagementRegistered)) {
                return; // nothing to attach it to: the registration was never seen by this read model
            }
            stored = StoredEngagement.fresh();
        } else if (seq < stored.version()) {
            return;
        } else if (seq == stored.version()) {
            buckets.put(SummaryRow.of(stored.engagement())); // the row write may be what failed last time
            return;
        }
        EngagementApplier.apply(stored, event, seq);
        stored.engagement().version = seq;
        stored.engagement().lastRecordedAt = recordedAt;
        engagements.save(stored);
        buckets.put(SummaryRow.of(stored.engagement()));
    }

    /** A replay from the start rebuilds the read model, so it starts empty. */
    @ResetHandler
    public void reset() {
        engagements.clear();
        buckets.clear();
    }
}
