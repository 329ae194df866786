package casebook.backup;

import casebook.web.BusinessKeys;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.bson.Document;

/**
 * Restores an exported event log into an empty store: the same documents, global positions and hashes.
 * Projections are not imported; the processors find no tokens at the next start and rebuild them by replay.
 */
public final class EventLogImport {

    private static final int BATCH = 500;

    private EventLogImport() {
    }

    /** Returns the number of events imported. Refuses a store that already holds events. */
    public static long into(MongoDatabase database, BufferedReader in, LongConsumer progress) throws IOException {
        MongoCollection<Document> events = database.getCollection("events");
        if (events.find().limit(1).first() != null) {
            throw new IllegalStateException("the store already holds events: import only into an empty store");
        }
        events.createIndex(new Document("sk", 1), new IndexOptions().unique(true).name("stream_key"));
        MongoCollection<Document> digests = database.getCollection("case_head_digests");
        List<Document> batch = new ArrayList<>(BATCH);
        long count = 0;
        long head = 0;
        long lastDigest = -1;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            Document doc = EventLogFormat.parse(line);
            Object kind = doc.remove(EventLogFormat.KIND);
            if (EventLogFormat.EVENT.equals(kind)) {
                head = Math.max(head, doc.get("_id", Number.class).longValue());
                batch.add(doc);
                restoreBusinessKey(database, doc);
                if (batch.size() == BATCH) {
                    events.insertMany(batch);
                    count += batch.size();
                    batch.clear();
                    progress.accept(count);
                }
            } else if (EventLogFormat.DIGEST.equals(kind)) {
                digests.insertOne(doc);
                lastDigest = Math.max(lastDigest, doc.get("_id", Number.class).longValue());
            }
        }
        if (!batch.isEmpty()) {
            events.insertMany(batch);
            count += batch.size();
            progress.accept(count);
        }
        database.getCollection("counters").replaceOne(new Document("_id", "events"),
                new Document("_id", "events").append("last", head), new com.mongodb.client.model.ReplaceOptions().upsert(true));
        if (lastDigest >= 0) {
            digests.replaceOne(new Document("_id", "latest"), new Document("_id", "latest").append("n", lastDigest),
                    new com.mongodb.client.model.ReplaceOptions().upsert(true));
        }
        // A restored store is no first start: the demo data must not be added to it.
        database.getCollection("app_state").replaceOne(new Document("_id", "demo-data"),
                new Document("_id", "demo-data").append("restored", true), new com.mongodb.client.model.ReplaceOptions().upsert(true));
        return count;
    }

    /** One engagement per programme, year and municipality; one grant case per grant, recipient and year: keys again. */
    private static void restoreBusinessKey(MongoDatabase database, Document event) {
        String type = event.getString("pt");
        String key = null;
        if (type != null && type.endsWith(".EngagementRegistered")) {
            Document p = Document.parse(event.getString("p"));
            key = BusinessKeys.engagement(p.getString("programme"), p.get("fiscalYear", Number.class).intValue(),
                    p.getString("municipalityCode"));
        } else if (type != null && type.endsWith(".GrantCaseOpened")) {
            Document p = Document.parse(event.getString("p"));
            key = BusinessKeys.grantCase(p.getString("grantType"), p.getString("recipientKind"), p.getString("recipientCode"),
                    p.get("targetFiscalYear", Number.class).intValue());
        }
        if (key != null) {
            database.getCollection("business_keys").replaceOne(new Document("_id", key),
                    new Document("_id", key).append("caseId", event.getString("a")), new com.mongodb.client.model.ReplaceOptions().upsert(true));
        }
    }
}
