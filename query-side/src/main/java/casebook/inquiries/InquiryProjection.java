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
 * Feeds the inquiry read model (collections {@code inquiries}, {@code inquiry_buckets} and {@code inquiry_rows})
 * from the Inquiry events. Each inquiry is loaded by _id, changed by the batch's events and stored with one guarded
 * replace after its inbox row and bucket membership; events at or below the stored version are skipped, so a
 * replayed batch changes nothing.
 */
public class InquiryProjection {

    static final String COLLECTION = "inquiries";
    static final String BUCKETS = "inquiry_buckets";
    static final String ROWS = "inquiry_rows";
    private static final String KEY = "casebook.inquiries.pending.inquiry";

    private final CaseRepository<InquiryState> cases;
    private final Buckets buckets;

    public InquiryProjection(MongoDatabase db) {
        this.cases = new CaseRepository<>(db, COLLECTION, InquiryModel.INSTANCE);
        this.buckets = new Buckets(db, BUCKETS, ROWS);
        cases.ensureIndexes();
    }

    /** Every event of the stream comes here; those of other aggregates are ignored. A batch is written by EndOfBatch. */
    @EventHandler
    public void on(EventMessage<?> message) {
        PendingCases<InquiryState> pending = BatchWrites.pending(KEY, this::pending);
        if (message instanceof DomainEventMessage<?> domain && domain.getPayload() instanceof CaseEvent event) {
            pending.apply(event, domain.getSequenceNumber(), domain.getTimestamp());
        }
        BatchWrites.endOfEvent(pending);
    }

    /** Applies one event and writes it at once (for callers outside an event processor). */
    public void on(CaseEvent event, Long seq, Instant recordedAt) {
        PendingCases<InquiryState> pending = pending();
        pending.apply(event, seq, recordedAt);
        pending.flush();
    }

    /** A replay from the start rebuilds the read model, so it starts empty. */
    @ResetHandler
    public void reset() {
        cases.clear();
        buckets.clear();
    }

    private PendingCases<InquiryState> pending() {
        return new PendingCases<>(InquiryModel.INSTANCE, cases, buckets);
    }
}
