package casebook.grantwork;

import casebook.kernel.grant.query.GrantCaseSummary;
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
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The rows of the worklist, deadline board and pending approvals. Collection {@code grant_rows} holds one small
 * document per case ({@code _id} = grant case id); collection {@code grant_buckets} holds, per bureau and target
 * fiscal year ({@code _id "tohoku:2025"}), only the ids of its cases. A read is look-ups of buckets by _id, then
 * {@code $in} over their ids in chunks of 100 for the rows' versions only, then {@code $in} for the rows whose
 * version this instance has not decoded already ({@link DecodedRows}). Collection {@code grant_bucket_stamps} tells
 * when a bucket's rows were last written: while a set of buckets' stamps stay, its rows are not read again at all
 * ({@link StampedRows}).
 */
final class GrantBuckets {

    static final String COLLECTION = "grant_buckets";
    static final String ROWS = "grant_rows";
    static final String STAMPS = "grant_bucket_stamps";
    /** Bucket sets kept: boards span four or five years, worklists one or ten, per bureau, with room to spare. */
    private static final int KEPT_BUCKET_SETS = 400;
    private static final int BATCH = 100;
    /** About 3 KB of heap per decoded row: 30,000 rows (a 10-year national store has ~31,000 cases) is ~90 MB. */
    static final int DECODED_ROWS = 30_000;

    private final MongoCollection<Document> docs;
    private final MongoCollection<Document> rows;
    private final DecodedRows decoded = new DecodedRows(DECODED_ROWS);
    private final BucketStamps stamps;
    private final StampedRows<GrantCaseSummary> stamped;

    GrantBuckets(MongoDatabase db) {
        this.docs = db.getCollection(COLLECTION);
        this.rows = db.getCollection(ROWS);
        this.stamps = new BucketStamps(db, STAMPS);
        this.stamped = new StampedRows<>(stamps, KEPT_BUCKET_SETS);
    }

    static String bucketId(String bureau, int fiscalYear) {
        return bureau + ":" + fiscalYear;
    }

    /** Adds the case to its bucket; adding it twice leaves the same document. */
    void join(GrantCaseSummary row) {
        joinAll(List.of(row));
    }

    /** {@link #join} of several, in one bulk write. */
    void joinAll(List<GrantCaseSummary> all) {
        Bulk.write(docs, all.stream().map(row -> new UpdateOneModel<Document>(
                new Document("_id", bucketId(row.bureauCode(), row.targetFiscalYear())),
                new Document("$addToSet", new Document("ids", row.id()))
                        .append("$setOnInsert", new Document("bureauCode", row.bureauCode())
                                .append("targetFiscalYear", row.targetFiscalYear())),
                new UpdateOptions().upsert(true))).toList());
    }

    /** Replaces the whole row: applying it twice leaves the same document. */
    void put(GrantCaseSummary row) {
        putAll(List.of(row));
    }

    /** {@link #put} of several, in one bulk write. */
    void putAll(List<GrantCaseSummary> all) {
        Bulk.write(rows, all.stream().map(row -> new ReplaceOneModel<>(new Document("_id", row.id()),
                DocumentViews.toDocument(row).append("_id", row.id()), new ReplaceOptions().upsert(true))).toList());
    }

    /** The rows of one bureau (or all, when null) and target fiscal year (or all, when null). */
    List<GrantCaseSummary> rows(String bureau, Integer fiscalYear) {
        if (fiscalYear != null) {
            return rowsOfYears(bureau, List.of(fiscalYear));
        }
        if (bureau != null) {
            return rowsOfYears(bureau, IntStream.rangeClosed(FiscalYear.EARLIEST, FiscalYear.LATEST).boxed().toList());
        }
        return read(new Document());
    }

    /** The rows of the given target fiscal years, of one bureau or of all eight: bucket look-ups by _id. */
    List<GrantCaseSummary> rowsOfYears(String bureau, Collection<Integer> fiscalYears) {
        List<String> bureaus = bureau != null ? List.of(bureau)
                : ReferenceData.get().bureaus().stream().map(Bureau::code).distinct().toList();
        List<String> ids = new ArrayList<>();
        for (String b : bureaus) {
            fiscalYears.forEach(fy -> ids.add(bucketId(b, fy)));
        }
        Bson filter = ids.size() == 1 ? new Document("_id", ids.get(0)) : Filters.in("_id", ids);
        return stamped.rows(ids, () -> read(filter));
    }

    /** New stamps for the buckets of rows just written (after them: see {@link BucketStamps}). */
    void touch(List<GrantCaseSummary> written) {
        stamps.touch(written.stream().map(row -> bucketId(row.bureauCode(), row.targetFiscalYear())).toList());
    }

    void ensureGeneration() {
        stamps.ensureGeneration();
    }

    private List<GrantCaseSummary> read(Bson bucketFilter) {
        List<String> ids = new ArrayList<>();
        for (Document bucket : docs.find(bucketFilter).projection(new Document("ids", 1)).batchSize(BATCH)) {
            List<String> members = bucket.getList("ids", String.class);
            if (members != null) {
                ids.addAll(members);
            }
        }
        List<GrantCaseSummary> result = new ArrayList<>(ids.size());
        List<String> toRead = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
            for (Document version : rows.find(Filters.in("_id", chunk)).projection(new Document("version", 1))
                                        .batchSize(BATCH)) {
                String id = version.getString("_id");
                Number v = version.get("version", Number.class);
                GrantCaseSummary known = v == null ? null : decoded.get(id, v.longValue());
                if (known != null) {
                    result.add(known);
                } else {
                    toRead.add(id);
                }
            }
        }
        for (int from = 0; from < toRead.size(); from += BATCH) {
            List<String> chunk = toRead.subList(from, Math.min(toRead.size(), from + BATCH));
            for (Document row : rows.find(Filters.in("_id", chunk)).batchSize(BATCH)) {
                row.remove("_id");
                GrantCaseSummary summary = DocumentViews.fromDocument(row, GrantCaseSummary.class);
                decoded.put(summary);
                result.add(summary);
            }
        }
        return result;
    }

    void clear() {
        Emptied.drop(docs);
        Emptied.drop(rows);
        stamps.reset();
    }
}
