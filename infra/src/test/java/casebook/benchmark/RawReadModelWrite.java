package casebook.benchmark;

import casebook.embedded.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.RawBsonDocument;

/**
 * P2's second raw baseline: the read models a rebuild wrote, written once more by the raw driver into scratch
 * collections (each document as stored, {@code insertMany} of 100, then one durable commit), with nothing else
 * running. A rebuild reads the log (the first raw baseline) and writes these documents, some more than once (a case
 * that changes over several replay checkpoints is written at each); the two raw figures together are the least the
 * embedded server itself needs for a rebuild on this machine, whatever the application does. Only the inserts and
 * the commit are timed, not the reading of the documents to copy; the scratch collections are dropped afterwards.
 */
final class RawReadModelWrite {

    private static final int BATCH = 100;
    private static final String SCRATCH = "raw_write_";
    /** The whole views of the cases and the audit trail's heads; rows, buckets and stamps are found by their names. */
    private static final Set<String> CASES = Set.of("engagements", "grant_cases", "inquiries", "consultations", "audit_cases");

    record Result(int collections, long documents, long bytes, double seconds) {
        double rate() {
            return documents / seconds;
        }
    }

    private RawReadModelWrite() {
    }

    /** On the store in {@code dataDir}, with the application stopped: after a rebuild has closed it. */
    static Result run(Path dataDir) {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            System.out.println("P2: raw write of the rebuilt read models");
            return run(client.getDatabase(AppendReplayBenchmark.DATABASE));
        }
    }

    static Result run(MongoDatabase db) {
        List<String> readModels = readModels(db);
        long documents = 0;
        long bytes = 0;
        long nanos = 0;
        for (String name : readModels) {
            MongoCollection<RawBsonDocument> from = db.getCollection(name, RawBsonDocument.class);
            MongoCollection<RawBsonDocument> copy = db.getCollection(SCRATCH + name, RawBsonDocument.class);
            copy.drop();
            // By _id, a hundred at a time: the embedded server materialises every match of a scan at once, which
            // for the case collections of a million-event store does not fit the heap beside the copies.
            List<Object> ids = Timings.ids(db, name);
            for (int i = 0; i < ids.size(); i += BATCH) {
                List<Object> some = ids.subList(i, Math.min(i + BATCH, ids.size()));
                List<RawBsonDocument> batch = from.find(Filters.in("_id", some)).batchSize(BATCH).into(new ArrayList<>(BATCH));
                for (RawBsonDocument d : batch) {
                    bytes += d.getByteBuffer().remaining();
                }
                documents += batch.size();
                if (!batch.isEmpty()) {
                    nanos += insert(copy, batch);
                }
            }
        }
        long start = System.nanoTime();
        db.runCommand(new Document(EmbeddedMongo.DURABLE_COMMIT, 1));
        nanos += System.nanoTime() - start;
        for (String name : readModels) {
            db.getCollection(SCRATCH + name).drop();
        }
        return new Result(readModels.size(), documents, bytes, nanos / 1e9);
    }

    private static long insert(MongoCollection<RawBsonDocument> copy, List<RawBsonDocument> batch) {
        long start = System.nanoTime();
        copy.insertMany(batch);
        return System.nanoTime() - start;
    }

    /** Every collection a rebuild of all read models drops and writes again, as found in this store. */
    static List<String> readModels(MongoDatabase db) {
        List<String> found = new ArrayList<>();
        for (String name : db.listCollectionNames()) {
            if (CASES.contains(name) || name.endsWith("_rows") || name.endsWith("_buckets") || name.endsWith("_bucket_stamps")) {
                found.add(name);
            }
        }
        found.sort(null);
        return found;
    }
}
