package casebook.inquiries;

import casebook.kernel.audit.CaseEvent;
import casebook.readmodel.BatchWrites;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;

/**
 * Feeds the individual consultation read model (collections {@code consultations}, {@code consultation_buckets} and
 * {@code consultation_rows}) from the UpperLimitConsultation events, the same way {@link InquiryProjection} does:
 * one guarded replace per consultation and batch, replays skipped by sequence number.
 */
public class ConsultationProjection {

    static final String COLLECTION = "consultations";
    static final String BUCKETS = "consultation_buckets";
    static final String ROWS = "consultation_rows";
    private static final String KEY = "casebook.inquiries.pending.consultation";

    private final CaseRepository<ConsultationState> cases;
    private final Buckets buckets;

    public ConsultationProjection(MongoDatabase db) {
        this.cases = new CaseRepository<>(db, COLLECTION, ConsultationModel.INSTANCE);
        this.buckets = new Buckets(db, BUCKETS, ROWS);
        cases.ensureIndexes();
    }

    /** Every event of the stream comes here; those of other aggregates are ignored. A batch is written by EndOfBatch. */
    @EventHandler
    public void on(EventMessage<?> message) {
        PendingCases<ConsultationState> pending = BatchWrites.pending(KEY, this::pending);
        if (message instanceof DomainEventMessage<?> domain && domain.getPayload() instanceof CaseEvent event) {
            pending.apply(event, domain.getSequenceNumber(), domain.getTimestamp());
        }
        BatchWrites.endOfEvent(pending);
    }

    /** Applies one event and writes it at once (for callers outside an event processor). */
    public void on(CaseEvent event, Long seq, Instant recordedAt) {
        PendingCases<ConsultationState> pending = pending();
        pending.apply(event, seq, recordedAt);
        pending.flush();
    }

    /** A replay from the start rebuilds the read model, so it starts empty. */
    @ResetHandler
    public void reset() {
        cases.clear();
        buckets.clear();
    }

    private PendingCases<ConsultationState> pending() {
        return new PendingCases<>(ConsultationModel.INSTANCE, cases, buckets);
    }
}
