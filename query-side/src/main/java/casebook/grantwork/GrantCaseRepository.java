package casebook.grantwork;

import casebook.kernel.grant.query.GrantCaseView;
import casebook.readmodel.BsonViews;
import casebook.readmodel.CaseDocument;
import casebook.readmodel.CaseDocuments;
import com.mongodb.client.MongoDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.RawBsonDocument;

/**
 * Collection {@code grant_cases}: {@link CaseDocument}s whose {@code corrections} map the seq of each step recording
 * to {@code {procedureId, step}}.
 */
final class GrantCaseRepository {

    static final String COLLECTION = "grant_cases";

    private final CaseDocuments<GrantCase, Map<String, CorrectionTarget>> docs;

    GrantCaseRepository(MongoDatabase db) {
        this.docs = new CaseDocuments<>(db, COLLECTION, GrantCase.class, BsonViews.mapOf(CorrectionTarget.class),
                "a grant case");
    }

    void ensureIndexes() {
        docs.ensureIndexes();
    }

    StoredGrantCase load(String id) {
        CaseDocument<GrantCase, Map<String, CorrectionTarget>> d = docs.load(id);
        return d == null ? null : stored(d);
    }

    /** The stored documents among {@code ids}, undecoded, in one look-up. */
    Map<String, RawBsonDocument> documents(List<String> ids) {
        return docs.documents(ids);
    }

    StoredGrantCase decode(RawBsonDocument d) {
        return stored(docs.decode(d));
    }

    private static StoredGrantCase stored(CaseDocument<GrantCase, Map<String, CorrectionTarget>> d) {
        return new StoredGrantCase(d.view(), d.corrections() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(d.corrections()), d.version());
    }

    GrantCaseView view(String id) {
        return docs.view(id, GrantCaseView.class);
    }

    /** Replaces the document only if it is still at the version it was loaded at (or absent, for a new one). */
    void save(StoredGrantCase stored) {
        saveAll(List.of(stored));
    }

    /** {@link #save} of several, in one bulk write; if one was changed since it was read, the batch is retried. */
    void saveAll(List<StoredGrantCase> all) {
        docs.saveAll(all, s -> new CaseDocument<>(s.grantCase().id, s.grantCase().version, s.grantCase(),
                s.corrections()), StoredGrantCase::version);
    }

    void clear() {
        docs.clear();
    }
}
