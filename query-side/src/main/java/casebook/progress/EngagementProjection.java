package casebook.progress;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.engagement.event.EngagementRegistered;
import casebook.kernel.engagement.query.EngagementSummary;
import casebook.kernel.engagement.query.MilestoneMatrix;
import casebook.readmodel.BatchWrites;
import java.util.function.Consumer;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;

/**
 * Feeds the progress read model (collections {@code engagements} and {@code engagement_buckets}) from the
 * SupportEngagement events. Each event is applied to the engagement loaded by _id and stored with one guarded
 * replace, then the engagement's bucket row is rewritten with one $set; events at or below the stored version
 * are skipped, so a replayed batch changes nothing.
 */
public class EngagementProjection {

    private final EngagementRepository engagements;
    private final BucketRepository buckets;
    private final Consumer<EngagementSummary> written;

    public EngagementProjection(MongoDatabase db) {
        this(db, row -> { });
    }

    /**
     * @param updates where the matrix rows go once written, for open matrices to follow live (subscription
     *                queries); Axon emits them after the batch commits, so a client never sees a row that a
     *                failed batch will write again
     */
    public EngagementProjection(MongoDatabase db, QueryUpdateEmitter updates) {
        this(db, row -> updates.emit(MilestoneMatrix.class, q -> LiveMatrix.shows(q, row), LiveMatrix.rowOf(row)));
    }

    private EngagementProjection(MongoDatabase db, Consumer<EngagementSummary> written) {
        this.engagements = new EngagementRepository(db);
        this.buckets = new BucketRepository(db);
        this.written = written;
        engagements.ensureIndexes();
        buckets.ensureGeneration();
    }

    /** Every event of the stream comes here; those of other aggregates are ignored. A batch is written by EndOfBatch. */
    @EventHandler
    public void on(EventMessage<?> message) {
        PendingEngagements pending = BatchWrites.pending(PendingEngagements.KEY,
                () -> new PendingEngagements(engagements, buckets, written));
        if (message instanceof DomainEventMessage<?> domain && domain.getPayload() instanceof CaseEvent event) {
            pending.applyEvent(event.caseId(), () -> apply(pending, event, domain.getSequenceNumber(), domain.getTimestamp()));
        }
        BatchWrites.endOfEvent(pending);
    }

    /** Applies one event and writes it at once (for callers outside an event processor). */
    public void on(CaseEvent event, Long seq, Instant recordedAt) {
        PendingEngagements pending = new PendingEngagements(engagements, buckets, written);
        apply(pending, event, seq, recordedAt);
        pending.flush();
    }

    private static void apply(PendingEngagements pending, CaseEvent event, Long seq, Instant recordedAt) {
        if (seq == null || !EngagementApplier.handles(event)) {
            return;
        }
        StoredEngagement stored = pending.load(event.caseId());
        if (stored == null) {
            if (!(event instanceof EngagementRegistered)) {
                return; // nothing to attach it to: the registration was never seen by this read model
            }
            stored = pending.fresh(event.caseId());
        } else if (seq < stored.engagement().version) {
            return;
        } else if (seq == stored.engagement().version) {
            pending.changed(stored); // the row write may be what failed last time
            return;
        }
        EngagementApplier.apply(stored, event, seq);
        stored.engagement().version = seq;
        stored.engagement().lastRecordedAt = recordedAt;
        pending.changed(stored);
    }

    /** A replay from the start rebuilds the read model, so it starts empty. */
    @ResetHandler
    public void reset() {
        engagements.clear();
        buckets.clear();
    }
}
