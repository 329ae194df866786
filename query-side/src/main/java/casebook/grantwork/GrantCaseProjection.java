package casebook.grantwork;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.grant.event.GrantCaseOpened;
import casebook.readmodel.BatchWrites;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;

/**
 * Feeds the grant read model (collections {@code grant_cases}, {@code grant_buckets} and {@code grant_rows}) from
 * the GrantCase events. Each event is applied to the case loaded by _id and stored with one guarded replace, then
 * the case's bucket row is rewritten whole; events at or below the stored version are skipped, so a replayed
 * batch changes nothing.
 */
public class GrantCaseProjection {

    private final GrantCaseRepository cases;
    private final GrantBuckets buckets;

    public GrantCaseProjection(MongoDatabase db) {
        this.cases = new GrantCaseRepository(db);
        this.buckets = new GrantBuckets(db);
        cases.ensureIndexes();
        buckets.ensureGeneration();
    }

    /** Every event of the stream comes here; those of other aggregates are ignored. A batch is written by EndOfBatch. */
    @EventHandler
    public void on(EventMessage<?> message) {
        PendingGrantCases pending = BatchWrites.pending(PendingGrantCases.KEY, () -> new PendingGrantCases(cases, buckets));
        if (message instanceof DomainEventMessage<?> domain && domain.getPayload() instanceof CaseEvent event) {
            pending.applyEvent(event.caseId(), () -> apply(pending, event, domain.getSequenceNumber(), domain.getTimestamp()));
        }
        BatchWrites.endOfEvent(pending);
    }

    /** Applies one event and writes it at once (for callers outside an event processor). */
    public void on(CaseEvent event, Long seq, Instant recordedAt) {
        PendingGrantCases pending = new PendingGrantCases(cases, buckets);
        apply(pending, event, seq, recordedAt);
        pending.flush();
    }

    private static void apply(PendingGrantCases pending, CaseEvent event, Long seq, Instant recordedAt) {
        if (seq == null || !GrantCaseApplier.handles(event)) {
            return;
        }
        StoredGrantCase stored = pending.load(event.caseId());
        if (stored == null) {
            if (!(event instanceof GrantCaseOpened)) {
                return; // nothing to attach it to: the opening was never seen by this read model
            }
            stored = pending.fresh(event.caseId());
        } else if (seq < stored.grantCase().version) {
            return;
        } else if (seq == stored.grantCase().version) {
            pending.changed(stored); // the row write may be what failed last time
            return;
        }
        GrantCaseApplier.apply(stored, event, seq);
        stored.grantCase().version = seq;
        stored.grantCase().lastRecordedAt = recordedAt;
        pending.changed(stored);
    }

    /** A replay from the start rebuilds the read model, so it starts empty. */
    @ResetHandler
    public void reset() {
        cases.clear();
        buckets.clear();
    }
}
