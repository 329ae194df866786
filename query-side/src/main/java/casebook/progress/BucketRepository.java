package casebook.progress;

import casebook.kernel.engagement.query.EngagementSummary;
import casebook.kernel.reference.Bureau;
import casebook.kernel.reference.ReferenceData;
import casebook.kernel.time.FiscalYear;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Collection {@code engagement_buckets}: one document per bureau and fiscal year ({@code _id "kyushu:2024"})
 * with a row per engagement under {@code rows.<engagementId>}, so lists and matrices are read by _id only.
 */
final class BucketRepository {

    static final String COLLECTION = "engagement_buckets";
    private static final int BATCH = 20;

    private final MongoCollection<Document> docs;

    BucketRepository(MongoDatabase db) {
        this.docs = db.getCollection(COLLECTION);
    }

    static String bucketId(String bureau, int fiscalYear) {
        return bureau + ":" + fiscalYear;
    }

    /** One $set of the whole row: applying it twice leaves the same document. */
    void put(EngagementSummary row) {
        Document update = new Document("$set", new Document("rows." + fieldName(row.engagementId()),
                Documents.toDocument(row)))
                .append("$setOnInsert", new Document("bureauCode", row.bureauCode())
                        .append("fiscalYear", row.fiscalYear()));
        docs.updateOne(new Document("_id", bucketId(row.bureauCode(), row.fiscalYear())), update,
                new UpdateOptions().upsert(true));
    }

    /** The rows of the matching buckets: one point lookup, an $in on _id, or (no criterion) every bucket. */
    List<EngagementSummary> rows(String bureau, Integer fiscalYear) {
        Bson filter;
        if (bureau != null && fiscalYear != null) {
            filter = new Document("_id", bucketId(bureau, fiscalYear));
        } else if (fiscalYear != null) {
            filter = Filters.in("_id", ReferenceData.get().bureaus().stream().map(Bureau::code)
                    .map(code -> bucketId(code, fiscalYear)).toList());
        } else if (bureau != null) {
            filter = Filters.in("_id", IntStream.rangeClosed(FiscalYear.EARLIEST, FiscalYear.LATEST)
                    .mapToObj(fy -> bucketId(bureau, fy)).toList());
        } else {
            filter = new Document();
        }
        List<EngagementSummary> rows = new ArrayList<>();
        for (Document bucket : docs.find(filter).projection(new Document("rows", 1)).batchSize(BATCH)) {
            Document byId = bucket.get("rows", Document.class);
            if (byId != null) {
                byId.values().forEach(r -> rows.add(Documents.fromDocument((Document) r,
                        EngagementSummary.class)));
            }
        }
        return rows;
    }

    void clear() {
        docs.deleteMany(new Document());
    }

    /** Ids become field names: escape what MongoDB reads as a path or an operator. */
    private static String fieldName(String id) {
        return id.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }
}
