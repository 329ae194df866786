package casebook.inquiries;

import casebook.readmodel.Bulk;
import casebook.readmodel.Emptied;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOneModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        return d == null ? null : decode(d);
    }

    /** The stored documents among {@code ids}, undecoded, in one look-up. */
    Map<String, Document> documents(List<String> ids) {
        return Bulk.byIds(docs, ids);
    }

    Stored<S> decode(Document d) {
        S state = Documents.fromDocument(d.get("view", Document.class), model.type());
        return new Stored<>(state, d.get("version", Number.class).longValue(), model.bucketOf(state));
    }

    <V> V view(String id, Class<V> type) {
        Document d = docs.find(new Document("_id", id)).projection(new Document("view", 1)).limit(1).first();
        return d == null ? null : Documents.fromDocument(d.get("view", Document.class), type);
    }

    /** Replaces the document only if it is still at the version it was loaded at (or absent, for a new one). */
    void save(Stored<S> stored) {
        saveAll(List.of(stored));
    }

    /** {@link #save} of several, in one bulk write; if one was changed since it was read, the batch is retried. */
    void saveAll(List<Stored<S>> all) {
        List<ReplaceOneModel<Document>> writes = new ArrayList<>(all.size());
        for (Stored<S> stored : all) {
            S s = stored.state();
            Document doc = new Document("_id", s.id).append("version", s.version).append("view", Documents.toDocument(s));
            writes.add(Bulk.replaceIfAt(doc, stored.version()));
        }
        Bulk.writeGuarded(docs, writes, "a " + model.type().getSimpleName());
    }

    void clear() {
        Emptied.drop(docs);
        ensureIndexes();
    }
}
