package casebook.inquiries;

import casebook.readmodel.Bulk;
import casebook.readmodel.DocumentViews;
import casebook.readmodel.Emptied;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * List rows filed in buckets: a rows collection holds one small document per case ({@code _id} = case id), a buckets
 * collection holds per bucket ({@code _id} such as {@code "tohoku:open"}) only the ids of its cases. A read is
 * look-ups of buckets by _id, then {@code $in} over their ids in chunks of 100 (the embedded server's $in grows with
 * the square of the id count).
 */
final class Buckets {

    static final int BATCH = 100;

    private final MongoCollection<Document> docs;
    private final MongoCollection<Document> rows;

    Buckets(MongoDatabase db, String bucketCollection, String rowCollection) {
        this.docs = db.getCollection(bucketCollection);
        this.rows = db.getCollection(rowCollection);
    }

    /** Adds the case to the bucket; adding it twice leaves the same document. */
    void join(String bucketId, String caseId) {
        docs.updateOne(new Document("_id", bucketId), new Document("$addToSet", new Document("ids", caseId)),
                new UpdateOptions().upsert(true));
    }

    /** {@link #join}s as one bulk write: each pair is {bucket id, case id}. */
    void joinAll(List<String[]> joins) {
        Bulk.write(docs, joins.stream().map(j -> new UpdateOneModel<Document>(new Document("_id", j[0]),
                new Document("$addToSet", new Document("ids", j[1])), new UpdateOptions().upsert(true))).toList());
    }

    /** Takes the case out of the bucket; taking it out twice leaves the same document. */
    void leave(String bucketId, String caseId) {
        docs.updateOne(new Document("_id", bucketId), new Document("$pull", new Document("ids", caseId)));
    }

    /** {@link #leave}s as one bulk write: each pair is {bucket id, case id}. */
    void leaveAll(List<String[]> leaves) {
        Bulk.write(docs, leaves.stream().map(l -> new UpdateOneModel<Document>(new Document("_id", l[0]),
                new Document("$pull", new Document("ids", l[1])))).toList());
    }

    /** Replaces the whole row: writing it twice leaves the same document. */
    void put(String caseId, Object row) {
        rows.replaceOne(new Document("_id", caseId), DocumentViews.toDocument(row).append("_id", caseId),
                new ReplaceOptions().upsert(true));
    }

    /** {@link #put}s as one bulk write, by case id. */
    void putAll(Map<String, Object> byCase) {
        Bulk.write(rows, byCase.entrySet().stream().map(e -> new ReplaceOneModel<>(new Document("_id", e.getKey()),
                DocumentViews.toDocument(e.getValue()).append("_id", e.getKey()), new ReplaceOptions().upsert(true))).toList());
    }

    /**
     * The rows of the cases in these buckets, each once (a case moving between buckets is briefly in both), in no
     * particular order.
     */
    <R> List<R> read(Collection<String> bucketIds, Class<R> type) {
        List<String> buckets = List.copyOf(new LinkedHashSet<>(bucketIds));
        Set<String> ids = new LinkedHashSet<>();
        for (List<String> chunk : chunks(buckets)) {
            var filter = chunk.size() == 1 ? new Document("_id", chunk.get(0)) : Filters.in("_id", chunk);
            for (Document bucket : docs.find(filter).projection(new Document("ids", 1)).batchSize(BATCH)) {
                List<String> members = bucket.getList("ids", String.class);
                if (members != null) {
                    ids.addAll(members);
                }
            }
        }
        List<R> result = new ArrayList<>(ids.size());
        for (List<String> chunk : chunks(List.copyOf(ids))) {
            for (Document row : rows.find(Filters.in("_id", chunk)).batchSize(BATCH)) {
                row.remove("_id");
                result.add(DocumentViews.fromDocument(row, type));
            }
        }
        return result;
    }

    void clear() {
        Emptied.drop(docs);
        Emptied.drop(rows);
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + BATCH)));
        }
        return chunks;
    }
}
