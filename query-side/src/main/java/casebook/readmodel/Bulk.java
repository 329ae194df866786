package casebook.readmodel;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.Document;

/**
 * The read model's many-at-once reads and writes: one round trip for a batch's documents of one collection instead
 * of one per document. On a replica set every round trip waits for the network (and a write for the majority); on
 * the embedded server each costs a wire message, a cursor and a commit.
 */
public final class Bulk {

    /** Ids per {@code $in}: the embedded server's {@code $in} grows with the square of the id count. */
    public static final int IN_CHUNK = 100;

    private Bulk() {
    }

    /** The documents among {@code ids}, by {@code _id} ({@code idOf} reads one's); absent ones are left out. */
    public static <T> Map<String, T> byIds(MongoCollection<T> collection, Collection<String> ids, Function<T, String> idOf) {
        Map<String, T> found = new HashMap<>(ids.size() * 2);
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            for (T d : collection.find(Filters.in("_id", chunk)).batchSize(chunk.size())) {
                found.put(idOf.apply(d), d);
            }
        }
        return found;
    }

    /**
     * The writes in order, in one bulk write; on MongoDB none is written after one that fails. The embedded server
     * goes on with the updates after a refused one; that is harmless here, as the batch is retried and each
     * case's version makes the retry skip the events a written case already holds.
     */
    public static <T> void write(MongoCollection<T> collection, List<? extends WriteModel<T>> writes) {
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(true));
        }
    }

    /**
     * Replaces the document whose {@code _id} is {@code id} by {@code doc} only if it is still at {@code readVersion}
     * (or absent, for a new one): the guard against a case written by someone else since it was read.
     */
    public static <T> ReplaceOneModel<T> replaceIfAt(Object id, T doc, long readVersion) {
        return new ReplaceOneModel<>(new Document("_id", id).append("version", readVersion), doc,
                new ReplaceOptions().upsert(true));
    }

    /**
     * Guarded replaces ({@link #replaceIfAt}), in order. A
     * duplicate key means a document is no longer at the version it was read at: the batch fails, to be retried.
     */
    public static <T> void writeGuarded(MongoCollection<T> collection, List<? extends WriteModel<T>> writes,
                                    String what) {
        try {
            write(collection, writes);
        } catch (MongoBulkWriteException ex) {
            boolean changed = ex.getWriteErrors().stream()
                    .anyMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (changed) {
                throw new IllegalStateException(what + " changed since it was read (write " + ex.getWriteErrors().get(0)
                        .getIndex() + " of " + writes.size() + " refused); the batch will be retried", ex);
            }
            throw ex;
        }
    }
}
