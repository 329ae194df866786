package casebook.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;

/**
 * Hands out the dense global sequence numbers that order every event of every case.
 * The counter is read with returnDocument BEFORE: measured on the embedded server, AFTER returned
 * duplicates under 8 concurrent threads and BEFORE none. The events' unique _id catches any duplicate
 * that slipped through anyway, and the appender then asks again.
 */
final class GlobalSequence {

    static final String EVENTS = "events";
    private static final String LAST = "last";

    private final MongoCollection<Document> counters;

    GlobalSequence(MongoCollection<Document> counters) {
        this.counters = counters;
        try {
            counters.insertOne(new Document("_id", EVENTS).append(LAST, 0L));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** Reserves {@code count} consecutive numbers and returns the first. */
    long allocate(int count) {
        Document before = counters.findOneAndUpdate(new Document("_id", EVENTS),
                new Document("$inc", new Document(LAST, (long) count)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        if (before == null) {
            throw new IllegalStateException("global sequence counter is missing");
        }
        return before.get(LAST, Number.class).longValue() + 1;
    }

    /** The highest number handed out so far; events up to it are stored, in flight, or gaps. */
    long head() {
        Document doc = counters.find(new Document("_id", EVENTS)).first();
        return doc == null ? 0 : doc.get(LAST, Number.class).longValue();
    }
}
