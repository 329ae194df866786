package casebook.readmodel;

import com.fasterxml.jackson.databind.JavaType;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOneModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.bson.Document;
import org.bson.RawBsonDocument;

/**
 * A collection of {@link CaseDocument}s, read and written as BSON bytes ({@link BsonViews}): the driver neither
 * decodes a case into a {@code Document} nor encodes one from it, and Jackson reads and writes the bytes directly.
 *
 * @param <V> the view the read model keeps of a case
 * @param <C> its correction targets, or {@code Void} where the read model keeps none
 */
public final class CaseDocuments<V, C> {

    private final MongoCollection<RawBsonDocument> docs;
    private final JavaType stored;
    private final String what;

    /**
     * @param corrections the type of the {@code corrections} field, or null where there is none
     * @param what        a case of this collection, for the message of a refused guarded write ("a grant case")
     */
    public CaseDocuments(MongoDatabase db, String collection, Class<V> view, JavaType corrections, String what) {
        this.docs = db.getCollection(collection, RawBsonDocument.class);
        this.stored = BsonViews.parametric(CaseDocument.class, BsonViews.type(view),
                corrections == null ? BsonViews.type(Void.class) : corrections);
        this.what = what;
    }

    /** The unique {_id, version} index lets the embedded server serve the guarded replace without a scan. */
    public void ensureIndexes() {
        docs.createIndex(new Document("_id", 1).append("version", 1), new IndexOptions().unique(true));
    }

    /** The stored case, or null. */
    public CaseDocument<V, C> load(String id) {
        RawBsonDocument d = docs.find(new Document("_id", id)).limit(1).first();
        return d == null ? null : decode(d);
    }

    /** The stored documents among {@code ids}, undecoded, in one look-up. */
    public Map<String, RawBsonDocument> documents(List<String> ids) {
        return Bulk.byIds(docs, ids, CaseDocuments::idOf);
    }

    /**
     * A document of {@link #documents}. One that does not fit the view fails with an IllegalArgumentException naming
     * the case and the collection: the dead-letter queue keeps that message beside the case's event for the
     * administrator who repairs it.
     */
    public CaseDocument<V, C> decode(RawBsonDocument document) {
        try {
            return BsonViews.read(document, stored);
        } catch (IllegalArgumentException unreadable) {
            throw new IllegalArgumentException(what + " (" + docs.getNamespace().getCollectionName() + " "
                    + idOf(document) + ") does not read: " + unreadable.getMessage(), unreadable.getCause());
        }
    }

    private static String idOf(RawBsonDocument document) {
        return document.getString("_id").getValue();
    }

    /** The case's view read as {@code type} (a query's view of it), or null; the rest of the document is not read. */
    public <T> T view(String id, Class<T> type) {
        RawBsonDocument d = docs.find(new Document("_id", id)).projection(new Document("view", 1)).limit(1).first();
        if (d == null) {
            return null;
        }
        CaseDocument<T, ?> read = BsonViews.read(d, BsonViews.parametric(CaseDocument.class, BsonViews.type(type),
                BsonViews.type(Void.class)));
        return read.view();
    }

    /**
     * Replaces each stored case's document ({@code document}) only if it is still at the version the case was read at
     * ({@code readVersion}; -1 for a new case), in one bulk write: if one was changed since, the batch fails, to be
     * retried.
     */
    public <S> void saveAll(List<S> stored, Function<S, CaseDocument<V, C>> document, ToLongFunction<S> readVersion) {
        List<ReplaceOneModel<RawBsonDocument>> writes = new ArrayList<>(stored.size());
        for (S s : stored) {
            CaseDocument<V, C> c = document.apply(s);
            writes.add(Bulk.replaceIfAt(c.id(), BsonViews.write(c), readVersion.applyAsLong(s)));
        }
        Bulk.writeGuarded(docs, writes, what);
    }

    public void clear() {
        Emptied.drop(docs);
        ensureIndexes();
    }
}
