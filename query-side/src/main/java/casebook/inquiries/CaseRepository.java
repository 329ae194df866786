package casebook.inquiries;

import casebook.readmodel.CaseDocument;
import casebook.readmodel.CaseDocuments;
import com.mongodb.client.MongoDatabase;
import java.util.List;
import java.util.Map;
import org.bson.RawBsonDocument;

/** One {@link CaseDocument} per case, without corrections: {@code {_id, version, view}}. */
final class CaseRepository<S extends CaseState> {

    private final CaseDocuments<S, Void> docs;
    private final CaseModel<S> model;

    CaseRepository(MongoDatabase db, String collection, CaseModel<S> model) {
        this.docs = new CaseDocuments<>(db, collection, model.type(), null, "a " + model.type().getSimpleName());
        this.model = model;
    }

    void ensureIndexes() {
        docs.ensureIndexes();
    }

    Stored<S> load(String id) {
        CaseDocument<S, Void> d = docs.load(id);
        return d == null ? null : stored(d);
    }

    /** The stored documents among {@code ids}, undecoded, in one look-up. */
    Map<String, RawBsonDocument> documents(List<String> ids) {
        return docs.documents(ids);
    }

    Stored<S> decode(RawBsonDocument d) {
        return stored(docs.decode(d));
    }

    private Stored<S> stored(CaseDocument<S, Void> d) {
        return new Stored<>(d.view(), d.version(), model.bucketOf(d.view()));
    }

    <V> V view(String id, Class<V> type) {
        return docs.view(id, type);
    }

    /** Replaces the document only if it is still at the version it was loaded at (or absent, for a new one). */
    void save(Stored<S> stored) {
        saveAll(List.of(stored));
    }

    /** {@link #save} of several, in one bulk write; if one was changed since it was read, the batch is retried. */
    void saveAll(List<Stored<S>> all) {
        docs.saveAll(all, s -> new CaseDocument<>(s.state().id, s.state().version, s.state(), null), Stored::version);
    }

    void clear() {
        docs.clear();
    }
}
