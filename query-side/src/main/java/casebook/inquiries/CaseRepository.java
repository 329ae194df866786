package casebook.inquiries;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

/**
 * One document per case: {@code {_id, version, view}}. The whole view sits in one field because the embedded server
 * swaps top-level fields one by one on update: a reader then gets an old or a new view, never half of each.
 */
final class CaseRepository<S extends CaseState> {

    private final MongoCollection<Document> docs;
    private final CaseModel<S> model;

    CaseRepository(MongoDatabase db, String collection, CaseModel<S> model) {
        this.docs = db.getCollection(collection);
        this.model = model;
    }

    /** The unique {_id, version} index lets the embedded server serve the guarded replace without a scan. */
    void ensureIndexes() {
        docs.createIndex(new Document("_id", 1).append("version", 1), new IndexOptions().unique(true));
    }

    Stored<S> load(String id) {
        Document d = docs.find(new Document("_id", id)).limit(1).first();
        if (d == null) {
            return null;
        }
        S state = Documents.fromDocument(d.get("view", Document.class), model.type());
        return new Stored<>(state, d.get("version", Number.class).longValue(), model.bucketOf(state));
    }

    <V> V view(String id, Class<V> type) {
        Document d = docs.find(new Document("_id", id)).projection(new Document("view", 1)).limit(1).first();
        return d == null ? null : Documents.fromDocument(d.get("view", Document.class), type);
    }

    /** Replaces the document only if it is still at the version it was loaded at (or absent, for a new one). */
    void save(Stored<S> stored) {
        S s = stored.state();
        Document doc = new Document("_id", s.id).append("version", s.version).append("view", Documents.toDocument(s));
        try {
            docs.replaceOne(new Document("_id", s.id).append("version", stored.version()), doc,
                    new ReplaceOptions().upsert(true));
        } catch (MongoWriteException ex) {
            if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new IllegalStateException(model.type().getSimpleName() + " " + s.id + " changed since version "
                        + stored.version() + "; the event will be retried", ex);
            }
            throw ex;
        }
    }

    void clear() {
        docs.deleteMany(new Document());
    }
}
