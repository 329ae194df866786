package casebook.progress;

import casebook.kernel.engagement.query.EngagementSummary;
import casebook.kernel.reference.Bureau;
import casebook.kernel.reference.ReferenceData;
import casebook.kernel.time.FiscalYear;
import casebook.readmodel.BucketStamps;
import casebook.readmodel.Bulk;
import casebook.readmodel.DocumentViews;
import casebook.readmodel.Emptied;
import casebook.readmodel.StampedRows;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The summary rows of lists and matrices. Collection {@code engagement_rows} holds one small document per
 * engagement ({@code _id} = engagement id); collection {@code engagement_buckets} holds, per bureau and
 * fiscal year ({@code _id "kyushu:2024"}), only the ids of its engagements. A row write touches one small
 * document, and the bucket changes only when an engagement joins it; a read is one look-up of the bucket
 * and {@code $in} over its ids. Collection {@code engagement_bucket_stamps} tells readers when a bucket's rows
 * were last written, so that rows already read are not read again ({@link StampedRows}).
 */
final class BucketRepository {

    static final String COLLECTION = "engagement_buckets";
    static final String ROWS = "engagement_rows";
    static final String STAMPS = "engagement_bucket_stamps";
    /** Bucket sets kept decoded: a bureau's ten years, eight bureaus' matrices and lists, with room to spare. */
    private static final int KEPT_BUCKET_SETS = 400;
    private static final int BATCH = 100;

    private final MongoCollection<Document> docs;
    private final MongoCollection<Document> rows;
    private final BucketStamps stamps;
    private final StampedRows<EngagementSummary> stamped;

    BucketRepository(MongoDatabase db) {
        this.docs = db.getCollection(COLLECTION);
        this.rows = db.getCollection(ROWS);
        this.stamps = new BucketStamps(db, STAMPS);
        this.stamped = new StampedRows<>(stamps, KEPT_BUCKET_SETS);
    }

    static String bucketId(String bureau, int fiscalYear) {
        return bureau + ":" + fiscalYear;
    }

    /** Adds the engagement to its bucket; adding it twice leaves the same document. */
    void join(EngagementSummary row) {
        joinAll(List.of(row));
    }

    /** {@link #join} of several, in one bulk write. */
    void joinAll(List<EngagementSummary> all) {
        Bulk.write(docs, all.stream().map(row -> new UpdateOneModel<Document>(
                new Document("_id", bucketId(row.bureauCode(), row.fiscalYear())),
                new Document("$addToSet", new Document("ids", row.engagementId()))
                        .append("$setOnInsert", new Document("bureauCode", row.bureauCode()).append("fiscalYear", row.fiscalYear())),
                new UpdateOptions().upsert(true))).toList());
    }

    /** Replaces the whole row: applying it twice leaves the same document. */
    void put(EngagementSummary row) {
        putAll(List.of(row));
    }

    /** {@link #put} of several, in one bulk write. */
    void putAll(List<EngagementSummary> all) {
        Bulk.write(rows, all.stream().map(row -> new ReplaceOneModel<>(new Document("_id", row.engagementId()),
                DocumentViews.toDocument(row).append("_id", row.engagementId()), new ReplaceOptions().upsert(true))).toList());
    }

    /**
     * The rows of the matching buckets: bucket look-ups by _id, then $in over their engagement ids; kept while the
     * buckets' stamps do not move (all bureaus and years together, an auditor's rare question, is always read).
     */
    List<EngagementSummary> rows(String bureau, Integer fiscalYear) {
        List<String> bucketIds;
        if (bureau != null && fiscalYear != null) {
            bucketIds = List.of(bucketId(bureau, fiscalYear));
        } else if (fiscalYear != null) {
            bucketIds = ReferenceData.get().bureaus().stream().map(Bureau::code).distinct()
                    .map(code -> bucketId(code, fiscalYear)).toList();
        } else if (bureau != null) {
            bucketIds = IntStream.rangeClosed(FiscalYear.EARLIEST, FiscalYear.LATEST)
                    .mapToObj(fy -> bucketId(bureau, fy)).toList();
        } else {
            return read(new Document());
        }
        Bson filter = bucketIds.size() == 1 ? new Document("_id", bucketIds.get(0)) : Filters.in("_id", bucketIds);
        return stamped.rows(bucketIds, () -> read(filter));
    }

    private List<EngagementSummary> read(Bson filter) {
        List<String> ids = new ArrayList<>();
        for (Document bucket : docs.find(filter).projection(new Document("ids", 1)).batchSize(BATCH)) {
            List<String> members = bucket.getList("ids", String.class);
            if (members != null) {
                ids.addAll(members);
            }
        }
        List<EngagementSummary> result = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
            for (Document row : rows.find(Filters.in("_id", chunk)).batchSize(BATCH)) {
                row.remove("_id");
                result.add(DocumentViews.fromDocument(row, EngagementSummary.class));
            }
        }
        return result;
    }

    /** New stamps for the buckets of rows just written (after them: see {@link BucketStamps}). */
    void touch(List<EngagementSummary> written) {
        stamps.touch(written.stream().map(row -> bucketId(row.bureauCode(), row.fiscalYear())).toList());
    }

    void ensureGeneration() {
        stamps.ensureGeneration();
    }

    void clear() {
        Emptied.drop(docs);
        Emptied.drop(rows);
        stamps.reset();
    }
}
