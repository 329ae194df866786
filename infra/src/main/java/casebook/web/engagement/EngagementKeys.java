package casebook.web.engagement;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * One engagement per (programme, fiscal year, municipality): set validation outside the aggregate, by a
 * unique key claimed before the registration command is sent (DOMAIN.md §5.0).
 */
@Component
public class EngagementKeys {

    private final MongoCollection<Document> keys;
    private final EventStorageEngine events;

    EngagementKeys(MongoDatabase database, EventStorageEngine events) {
        this.keys = database.getCollection("engagement_keys");
        this.events = events;
    }

    public static String key(Object programme, int fiscalYear, String municipalityCode) {
        return programme + ":" + fiscalYear + ":" + municipalityCode;
    }

    /** Claims the key for {@code engagementId}; returns the engagement that already holds it, if any. */
    public Optional<String> claim(String key, String engagementId) {
        try {
            keys.insertOne(new Document("_id", key).append("engagementId", engagementId));
            return Optional.empty();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document holder = keys.find(new Document("_id", key)).first();
        String existing = holder == null ? null : holder.getString("engagementId");
        if (existing != null && events.lastSequenceNumberFor(existing).isEmpty()) {
            // A claim left by a registration that never stored its event: take it over.
            long taken = keys.updateOne(new Document("_id", key).append("engagementId", existing),
                    new Document("$set", new Document("engagementId", engagementId))).getModifiedCount();
            return taken == 1 ? Optional.empty() : claim(key, engagementId);
        }
        return Optional.ofNullable(existing);
    }

    void release(String key, String engagementId) {
        keys.deleteOne(new Document("_id", key).append("engagementId", engagementId));
    }
}
