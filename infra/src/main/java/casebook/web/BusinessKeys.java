package casebook.web;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Set validation outside the aggregates (DOMAIN.md §5.0): one engagement per programme, fiscal year and
 * municipality; one grant case per grant, recipient and target year. A unique key is claimed before the
 * command that creates the case is sent.
 */
@Component
public class BusinessKeys {

    private final MongoCollection<Document> keys;
    private final EventStorageEngine events;

    BusinessKeys(MongoDatabase database, EventStorageEngine events) {
        this.keys = database.getCollection("business_keys");
        this.events = events;
    }

    public static String engagement(Object programme, int fiscalYear, String municipalityCode) {
        return "engagement:" + programme + ":" + fiscalYear + ":" + municipalityCode;
    }

    public static String grantCase(Object grantType, Object recipientKind, String recipientCode, int targetFiscalYear) {
        return "grant:" + grantType + ":" + recipientKind + ":" + recipientCode + ":" + targetFiscalYear;
    }

    /** Claims the key for {@code caseId}; returns the case that already holds it, if any. */
    public Optional<String> claim(String key, String caseId) {
        try {
            keys.insertOne(new Document("_id", key).append("caseId", caseId));
            return Optional.empty();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document holder = keys.find(new Document("_id", key)).first();
        String existing = holder == null ? null : holder.getString("caseId");
        if (existing != null && events.lastSequenceNumberFor(existing).isEmpty()) {
            // A claim left by a registration that never stored its event: take it over.
            long taken = keys.updateOne(new Document("_id", key).append("caseId", existing),
                    new Document("$set", new Document("caseId", caseId))).getModifiedCount();
            return taken == 1 ? Optional.empty() : claim(key, caseId);
        }
        return Optional.ofNullable(existing);
    }

    public void release(String key, String caseId) {
        keys.deleteOne(new Document("_id", key).append("caseId", caseId));
    }
}
