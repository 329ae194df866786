package casebook.audittrail;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.audit.CaseType;
import casebook.kernel.audit.MetaDataKeys;
import casebook.kernel.engagement.event.EngagementRecordCorrected;
import casebook.kernel.engagement.event.EngagementRegistered;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import java.time.Instant;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
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

    /** Metadata arrive as Object: a value of another type must not make Axon skip the event for the audit. */
    @EventHandler
    public void on(CaseEvent event, @SequenceNumber Long seq, @Timestamp Instant recordedAt,
                   @MetaDataValue(MetaDataKeys.ACTOR) Object actor,
                   @MetaDataValue(MetaDataKeys.ACTOR_ROLE) Object actorRole,
                   @MetaDataValue(MetaDataKeys.CORRELATION_ID) Object correlationId) {
        if (seq == null) {
            return;
        }
        insertOnce(AuditDocuments.event(event, seq, recordedAt, text(actor), text(actorRole), text(correlationId)));
        if (event instanceof EngagementRecordCorrected c) {
            events.updateOne(new Document("_id", AuditDocuments.id(event.caseId(), c.correctsEvent())),
                    new Document("$addToSet", new Document("correctedBy", seq)));
        }
        // lastSeq moves only after the event document exists, so a timeline never names a missing one
        CaseType caseType = EventLabels.caseType(event);
        Document update = new Document("$max", new Document("lastSeq", seq))
                .append("$setOnInsert", new Document("caseType", caseType == null ? null : caseType.name()));
        if (event instanceof EngagementRegistered r) {
            update.append("$set", new Document("bureauCode", r.bureauCode())
                    .append("municipalityName", r.municipalityName()));
        }
        cases.updateOne(new Document("_id", event.caseId()), update, new UpdateOptions().upsert(true));
    }

    @ResetHandler
    public void reset() {
        events.deleteMany(new Document());
        cases.deleteMany(new Document());
    }

    private void insertOnce(Document doc) {
        try {
            events.insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
