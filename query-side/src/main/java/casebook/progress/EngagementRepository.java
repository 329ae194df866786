package casebook.progress;

import casebook.kernel.engagement.query.EngagementView;
import casebook.readmodel.BsonViews;
import casebook.readmodel.CaseDocument;
import casebook.readmodel.CaseDocuments;
import com.mongodb.client.MongoDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.RawBsonDocument;

/**
 * Collection {@code engagements}: {@link CaseDocument}s whose {@code corrections} map the seq of each milestone
 * recording to what it recorded.
 */
final class EngagementRepository {

    static final String COLLECTION = "engagements";

    private final CaseDocuments<Engagement, Map<String, CorrectionTarget>> docs;

    EngagementRepository(MongoDatabase db) {
        this.docs = new CaseDocuments<>(db, COLLECTION, Engagement.class, BsonViews.mapOf(CorrectionTarget.class),
                "an engagement");
    }

    void ensureIndexes() {
        docs.ensureIndexes();
    }

    StoredEngagement load(String id) {
        CaseDocument<Engagement, Map<String, CorrectionTarget>> d = docs.load(id);
        return d == null ? null : stored(d);
    }

    /** The stored documents among {@code ids}, undecoded, in one look-up. */
    Map<String, RawBsonDocument> documents(List<String> ids) {
        return docs.documents(ids);
    }

    StoredEngagement decode(RawBsonDocument d) {
        return stored(docs.decode(d));
    }

    private static StoredEngagement stored(CaseDocument<Engagement, Map<String, CorrectionTarget>> d) {
        return new StoredEngagement(d.view(), d.corrections() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(d.corrections()), d.version());
    }

    EngagementView view(String id) {
        return docs.view(id, EngagementView.class);
    }

    /** Replaces the document only if it is still at the version it was loaded at (or absent, for a new one). */
    void save(StoredEngagement stored) {
        saveAll(List.of(stored));
    }

    /** {@link #save} of several, in one bulk write; if one was changed since it was read, the batch is retried. */
    void saveAll(List<StoredEngagement> all) {
        docs.saveAll(all, s -> new CaseDocument<>(s.engagement().id, s.engagement().version, s.engagement(),
                s.corrections()), StoredEngagement::version);
    }

    void clear() {
        docs.clear();
    }
}
