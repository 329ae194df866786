package casebook.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.h2.mvstore.MVMap;

/**
 * H2's collection without the running total of its documents' sizes. mongo-java-server keeps that total exact by
 * encoding the whole document as BSON on every insert and removal and both the old and the new document on every
 * update, only to measure them, into a growing buffer thrown away at once, and then rewrites the total in the
 * collection's meta map. A projection replacing a case document of tens of KB paid for two encodings it never
 * used, beside the one the store's commit makes anyway. The total only feeds {@code collStats} and
 * {@code validate}, which Casebook does not ask; they now get an estimate: the document count times the average
 * encoded size the store last wrote or read ({@link DocumentValueType}).
 * <p>
 * Also: documents found by a unique index for {@code {field: {$in: [ids]}}} are not matched against the query again
 * ({@link #matchDocuments}).
 */
final class UnsizedCollection extends H2Collection {

    private final MVMap<Object, Document> documents;
    private final DocumentValueType valueType;

    UnsizedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                      MVMap<Object, Document> documents, DocumentValueType valueType, MVMap<String, Object> meta,
                      CursorRegistry cursors) {
        super(database, collectionName, options, documents, meta, cursors);
        this.documents = documents;
        this.valueType = valueType;
    }

    /**
     * The documents a unique index found for {@code {field: {$in: [values]}}} are those with one of the values: the
     * index looked each value up, so matching each document against the list again (mongo-java-server does, as for
     * any index) only repeats the answer. It compared every document with the values one by one, converting each
     * number to a {@code Double} on the way: for the event log's reads by number, a hundred at a time, some fifty
     * comparisons per event. Only for plain strings and numbers, without sort, skip, limit or projection; anything
     * else is matched as before.
     */
    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy, int numberToSkip,
                                         int limit, int batchSize, Document fieldSelector) {
        if (!isPlainInList(query) || orderBy != null && !orderBy.isEmpty() || numberToSkip != 0 || limit != 0
                || fieldSelector != null && !fieldSelector.isEmpty()) {
            return super.matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        List<Document> found = new ArrayList<>();
        for (Object position : positions) {
            found.add(getDocument(position));
        }
        return createQueryResult(found, batchSize);
    }

    /** {@code {field: {$in: [...]}}} over strings and numbers only: what a unique index answers exactly. */
    private static boolean isPlainInList(Document query) {
        if (query.size() != 1 || !(query.values().iterator().next() instanceof Document condition)
                || condition.size() != 1 || !(condition.get("$in") instanceof Collection<?> values)) {
            return false;
        }
        for (Object value : values) {
            if (!(value instanceof String || value instanceof Number)) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected int getDataSize() {
        if (documents == null) {
            return super.getDataSize(); // H2Collection's constructor asks (to log it) before these fields are set
        }
        return (int) Math.min(Integer.MAX_VALUE, documents.sizeAsLong() * valueType.averageSize());
    }
}
