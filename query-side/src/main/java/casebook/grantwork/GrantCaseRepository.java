package casebook.grantwork;

import casebook.kernel.grant.query.GrantCaseView;
import casebook.readmodel.Bulk;
import casebook.readmodel.Emptied;
import com.fasterxml.jackson.core.type.TypeReference;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOneModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Collection {@code grant_cases}: {@code {_id, version, view, corrections}}, {@code corrections} mapping the seq
 * of each step recording to {@code {procedureId, step}}. The whole view sits in one field because the embedded
 * server swaps top-level fields one by one on update: a reader then gets an old or a new view, never half of each.
 */
final class GrantCaseRepository {

    static final String COLLECTION = "grant_cases";
    private static final TypeReference<Map<String, CorrectionTarget>> TARGETS = new TypeReference<>() {
    };

    private final MongoCollection<Document> docs;

    GrantCaseRepository(MongoDatabase db) {
        this.docs = db.getCollection(COLLECTION);
    }

    /** The unique {_id, version} index lets the embedded server serve the guarded replace without a scan. */
    void ensureIndexes() {
        docs.createIndex(new Document("_id", 1).append("version", 1), new IndexOptions().unique(true));
    }

    StoredGrantCase load(String id) {
        Document d = docs.find(new Document("_id", id)).limit(1).first();
        return d == null ? null : decode(d);
    }

    /** The stored documents among {@code ids}, undecoded, in one look-up. */
    Map<String, Document> documents(List<String> ids) {
        return Bulk.byIds(docs, ids);
    }

    StoredGrantCase decode(Document d) {
        Map<String, CorrectionTarget> targets = Documents.fromDocument(d.get("corrections", Document.class), TARGETS);
        return new StoredGrantCase(Documents.fromDocument(d.get("view", Document.class), GrantCase.class),
                targets == null ? new LinkedHashMap<>() : new LinkedHashMap<>(targets), d.getLong("version"));
    }

    GrantCaseView view(String id) {
        Document d = docs.find(new Document("_id", id)).projection(new Document("view", 1)).limit(1).first();
        return d == null ? null : Documents.fromDocument(d.get("view", Document.class), GrantCaseView.class);
    }

    /** Replaces the document only if it is still at the version it was loaded at (or absent, for a new one). */
    void save(StoredGrantCase stored) {
        saveAll(List.of(stored));
    }

    /** {@link #save} of several, in one bulk write; if one was changed since it was read, the batch is retried. */
    void saveAll(List<StoredGrantCase> all) {
        List<ReplaceOneModel<Document>> writes = new ArrayList<>(all.size());
        for (StoredGrantCase stored : all) {
            GrantCase c = stored.grantCase();
            Document doc = new Document("_id", c.id)
                    .append("version", c.version)
                    .append("view", Documents.toDocument(c))
                    .append("corrections", Documents.toDocument(stored.corrections()));
            writes.add(Bulk.replaceIfAt(doc, stored.version()));
        }
        Bulk.writeGuarded(docs, writes, "a grant case");
    }

    void clear() {
        Emptied.drop(docs);
        ensureIndexes();
    }
}
