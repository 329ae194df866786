package casebook.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;

/**
 * A stamp per bucket of list rows that changes whenever one of its rows is written, so that a reader can tell, with
 * one look-up of small documents, that the rows it read before are still the rows there are ({@link StampedRows}).
 *
 * <p>Why it is safe: the projection writes rows first and then a new stamp; a reader reads the stamps first and
 * then the rows. An answer kept under a stamp therefore holds every row written before that stamp was set, and any
 * later row write is followed by a new stamp. A stamp is a random number, not a counter, so that several instances'
 * segments writing the same bucket, or a rebuild writing it from scratch, can never bring back a stamp that an
 * answer is kept under. A document {@code _id "*"} stands for the read model as a whole: a reset replaces it, so
 * what was kept before a rebuild is never answered after it, whichever buckets the rebuild has reached.
 */
public final class BucketStamps {

    static final String GENERATION = "*";
    private static final String STAMP = "stamp";

    private final MongoCollection<Document> stamps;

    public BucketStamps(MongoDatabase db, String collection) {
        this.stamps = db.getCollection(collection);
    }

    /** Gives the read model a generation if it has none (a store written before stamps existed). */
    public void ensureGeneration() {
        stamps.updateOne(new Document("_id", GENERATION),
                new Document("$setOnInsert", new Document(STAMP, ThreadLocalRandom.current().nextLong())),
                new UpdateOptions().upsert(true));
    }

    /** New stamps for the buckets whose rows were just written: one bulk write. */
    public void touch(Collection<String> bucketIds) {
        Bulk.write(stamps, bucketIds.stream().distinct().map(id -> new UpdateOneModel<Document>(new Document("_id", id),
                new Document("$set", new Document(STAMP, ThreadLocalRandom.current().nextLong())),
                new UpdateOptions().upsert(true))).toList());
    }

    /** For a reset: every stamp goes, and the read model gets a new generation. */
    public void reset() {
        Emptied.drop(stamps);
        ensureGeneration();
    }

    /**
     * The current stamps of these buckets and of the generation, by id (a bucket never written since the generation
     * began has none); null when the read model has no generation, and nothing read from it may be kept.
     */
    public Map<String, Long> read(List<String> bucketIds) {
        List<String> ids = new java.util.ArrayList<>(bucketIds.size() + 1);
        ids.add(GENERATION);
        ids.addAll(bucketIds);
        Map<String, Long> found = new HashMap<>();
        for (Document d : stamps.find(Filters.in("_id", ids)).batchSize(ids.size())) {
            Number stamp = d.get(STAMP, Number.class);
            if (stamp != null) {
                found.put(d.getString("_id"), stamp.longValue());
            }
        }
        return found.containsKey(GENERATION) ? found : null;
    }
}
