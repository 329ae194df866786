package casebook.audittrail;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.audit.MetaDataKeys;
import casebook.readmodel.BatchWrites;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.MetaData;
import org.bson.Document;

/**
 * Writes every case event into the audit trail ({@code audit_events}, {@code audit_cases}). The event document
 * has a fixed _id and is inserted once, so a replay neither duplicates it nor loses the corrections noted on it.
 */
public class AuditTrailProjection {

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> cases;

    public AuditTrailProjection(MongoDatabase db) {
        this.events = db.getCollection(AuditDocuments.EVENTS);
        this.cases = db.getCollection(AuditDocuments.CASES);
    }

    /**
     * Every event of the stream comes here; those without a case are ignored. A batch is written by EndOfBatch (see
     * {@link BatchWrites}). Metadata are read as text whatever their type: the audit trail must never skip an event.
     */
    @EventHandler
    public void on(EventMessage<?> message) {
        PendingAudit pending = BatchWrites.pending(PendingAudit.KEY, () -> new PendingAudit(events, cases));
        if (message instanceof DomainEventMessage<?> domain && domain.getPayload() instanceof CaseEvent event) {
            MetaData m = domain.getMetaData();
            pending.add(event, domain.getSequenceNumber(), domain.getTimestamp(), text(m.get(MetaDataKeys.ACTOR)),
                    text(m.get(MetaDataKeys.ACTOR_ROLE)), text(m.get(MetaDataKeys.CORRELATION_ID)));
        }
        BatchWrites.endOfEvent(pending);
    }

    /** Records one event at once (for callers outside an event processor). */
    public void on(CaseEvent event, Long seq, Instant recordedAt, Object actor, Object actorRole, Object correlationId) {
        if (seq == null) {
            return;
        }
        PendingAudit pending = new PendingAudit(events, cases);
        pending.add(event, seq, recordedAt, text(actor), text(actorRole), text(correlationId));
        pending.flush();
    }

    @ResetHandler
    public void reset() {
        events.deleteMany(new Document());
        cases.deleteMany(new Document());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
