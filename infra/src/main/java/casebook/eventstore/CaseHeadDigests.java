package casebook.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/**
 * A chained digest over the heads of all cases, so that deleting a whole case (every event and thus its own
 * chain) is still detected: each digest records the cases whose head moved since the previous digest
 * ({@code caseId, seq, hash}) and hashes them together with the previous digest's hash.
 */
final class CaseHeadDigests {

    static final String COLLECTION = "case_head_digests";
    private static final String LATEST = "latest";
    /** An allocated number still missing this long is no append in flight. */
    private static final Duration IN_FLIGHT = Duration.ofSeconds(30);

    record Head(String caseId, long seq, String hash) {
    }

    private final MongoCollection<Document> digests;
    private final EventLogReader log;
    private final Clock clock;

    CaseHeadDigests(MongoCollection<Document> digests, EventLogReader log, Clock clock) {
        this.digests = digests;
        this.log = log;
        this.clock = clock;
    }

    /** Digests the case heads appended since the last digest; returns the digest number, or -1 if nothing moved. */
    synchronized long digest() {
        Document last = latest();
        long number = last == null ? 0 : last.get("_id", Number.class).longValue() + 1;
        long after = last == null ? 0 : last.get("upTo", Number.class).longValue();
        Map<String, Head> moved = new TreeMap<>();
        long[] upTo = {after};
        boolean[] stopped = {false};
        Instant inFlightSince = clock.instant().minus(IN_FLIGHT);
        log.read(after, log.head(), doc -> {
            long g = EventDocuments.globalSequence(doc);
            if (stopped[0]) {
                return;
            }
            // Stop before a number that may still be in flight, so the next digest starts there.
            if (g != upTo[0] + 1 && Instant.parse(doc.getString(EventDocuments.TIMESTAMP)).isAfter(inFlightSince)) {
                stopped[0] = true;
                return;
            }
            upTo[0] = g;
            String caseId = doc.getString(EventDocuments.AGGREGATE_ID);
            String hash = doc.getString(EventDocuments.HASH);
            if (caseId != null && hash != null) {
                moved.put(caseId, new Head(caseId, doc.get(EventDocuments.SEQ, Number.class).longValue(), hash));
            }
        });
        if (moved.isEmpty()) {
            return -1;
        }
        String prev = last == null ? HashChain.GENESIS : last.getString("hash");
        List<Document> heads = new ArrayList<>();
        moved.values().forEach(h -> heads.add(new Document("c", h.caseId()).append("s", h.seq()).append("h", h.hash())));
        Document doc = new Document("_id", number).append("prev", prev).append("upTo", upTo[0]).append("heads", heads)
                .append("at", clock.instant().toString()).append("hash", hash(prev, upTo[0], moved.values()));
        try {
            digests.insertOne(doc);
            digests.replaceOne(new Document("_id", LATEST), new Document("_id", LATEST).append("n", number),
                    new com.mongodb.client.model.ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return -1; // another instance digested the same stretch first
        }
        return number;
    }

    static String hash(String prev, long upTo, Iterable<Head> heads) {
        StringBuilder b = new StringBuilder(prev).append('\n').append(upTo);
        for (Head h : heads) {
            b.append('\n').append(h.caseId()).append(':').append(h.seq()).append(':').append(h.hash());
        }
        return HashChain.sha256(b.toString());
    }

    /** Every digest in order (0, 1, 2 … by _id look-ups until one is missing). */
    List<Document> all() {
        List<Document> all = new ArrayList<>();
        for (long n = 0; ; n++) {
            Document d = digests.find(new Document("_id", n)).first();
            if (d == null) {
                return all;
            }
            all.add(d);
        }
    }

    /** The newest digest, found through a one-field pointer (then checked: the pointer is only a hint). */
    private Document latest() {
        Document pointer = digests.find(new Document("_id", LATEST)).first();
        long n = pointer == null ? -1 : pointer.get("n", Number.class).longValue();
        Document newest = null;
        for (long probe = Math.max(0, n); ; probe++) {
            Document d = digests.find(new Document("_id", probe)).first();
            if (d == null) {
                break;
            }
            newest = d;
        }
        return newest;
    }
}
