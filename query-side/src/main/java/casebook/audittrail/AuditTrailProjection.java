package casebook.audittrail;

import casebook.kernel.audit.CaseEvent;
import casebook.readmodel.BatchWrites;
import casebook.readmodel.Emptied;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;

/**
 * Keeps each case's head in {@code audit_cases}: its type, its bureau and names from the opening event (how the
 * bureau scope and the auditors' lists find a case), and the last event seen. The events themselves are not
 * copied: the timeline and the as-of replay read the log (ADR 0014). Upserts with {@code $max}, so a replay
 * changes nothing.
 */
public class AuditTrailProjection {

    private final MongoDatabase db;
    private final MongoCollection<Document> cases;

    public AuditTrailProjection(MongoDatabase db) {
        this.db = db;
        this.cases = db.getCollection(AuditDocuments.CASES);
    }

    /**
     * Every event of the stream comes here; those without a case are ignored. A batch is written by EndOfBatch (see
     * {@link BatchWrites}). Only an opening event's payload is read (its type is known without it): the rest
     * need no deserialising here.
     */
    @EventHandler
    public void on(EventMessage<?> message) {
        PendingAudit pending = BatchWrites.pending(PendingAudit.KEY, () -> new PendingAudit(cases));
        if (message instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null
                && CaseEvent.class.isAssignableFrom(domain.getPayloadType())) {
            Class<?> type = domain.getPayloadType();
            CaseEvent opening = PendingAudit.opens(type) ? (CaseEvent) domain.getPayload() : null;
            pending.add(domain.getAggregateIdentifier(), type, domain.getSequenceNumber(), opening);
        }
        BatchWrites.endOfEvent(pending);
    }

    /** Records one event at once (for callers outside an event processor). */
    public void on(CaseEvent event, Long seq) {
        if (seq == null) {
            return;
        }
        PendingAudit pending = new PendingAudit(cases);
        pending.add(event.caseId(), event.getClass(), seq, PendingAudit.opens(event.getClass()) ? event : null);
        pending.flush();
    }

    /** Also drops the copy of every event that versions before ADR 0014 kept, should the store still have it. */
    @ResetHandler
    public void reset() {
        Emptied.drop(cases);
        Emptied.drop(db.getCollection(AuditDocuments.RETIRED_EVENTS));
    }
}
