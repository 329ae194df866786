package casebook.eventstore;

import com.mongodb.client.MongoCollection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * The hash of each case's latest event, so an append need not read the previous event back: kept for the
 * cases in use, read by the unique stream key otherwise.
 */
final class ChainHeads {

    private record Head(long seq, String hash) {
    }

    private static final int MAX_CASES = 10_000;

    private final MongoCollection<Document> events;
    private final Map<String, Head> recent = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Head> eldest) {
            return size() > MAX_CASES;
        }
    };

    ChainHeads(MongoCollection<Document> events) {
        this.events = events;
    }

    /** The hash the event at {@code seq} must chain to. */
    String previousHash(String caseId, long seq) {
        if (seq == 0) {
            return HashChain.GENESIS;
        }
        synchronized (recent) {
            Head head = recent.get(caseId);
            if (head != null && head.seq() == seq - 1) {
                return head.hash();
            }
        }
        Document previous = events.find(new Document(EventDocuments.STREAM_KEY, EventDocuments.streamKey(caseId, seq - 1))).first();
        String hash = previous == null ? null : previous.getString(EventDocuments.HASH);
        // An event stored before hashing began (or missing) starts a chain of its own; verification reports it.
        return hash != null ? hash : HashChain.GENESIS;
    }

    void remember(Document stored) {
        String caseId = stored.getString(EventDocuments.AGGREGATE_ID);
        String hash = stored.getString(EventDocuments.HASH);
        if (caseId != null && hash != null) {
            synchronized (recent) {
                recent.put(caseId, new Head(stored.get(EventDocuments.SEQ, Number.class).longValue(), hash));
            }
        }
    }
}
