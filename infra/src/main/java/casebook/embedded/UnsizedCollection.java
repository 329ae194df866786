package casebook.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
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
 * ({@link #matchDocuments}), and an update never changes a stored document object: a replacement by {@code _id}
 * stores the replacement, without copying either document, and any other update changes a copy
 * ({@link #updateDocuments}).
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

    /**
     * Every update stores a new document object and leaves the one stored before as it was: a durable append's commit
     * may be serialising that object beside server operations (its snapshot holds it: ADR 0025), and a reader may be
     * sending it. A replacement by {@code _id} (what the read models write: {@code replaceOne}, upserting, guarded by
     * the version read) stores the replacement itself. mongo-java-server deep-copied the stored document, deep-copied
     * the replacement into a new one, compared the two, normalised both deeply to compare them again for the count of
     * modified documents, and then overwrote the stored document's fields one by one: for a case document of tens of
     * KB four copies (without them a million-event rebuild allocated 71 GiB instead of 75). The rest is as before: the
     * same match, the same index checks and updates, the same answer; a replacement equal to the stored document
     * writes nothing and counts as not modified. Any other update is mongo-java-server's, applied to a copy
     * ({@link #detach}).
     * <p>
     * Updates, find-and-modifies and deletes of one collection run one at a time, as a single-document write is atomic
     * on MongoDB: mongo-java-server finds a document and then changes it with nothing in between held, so two
     * {@code $inc}s of the event log's counter could both read the same value (the copy above widened that window
     * until a test of concurrent appenders handed out a sequence number twice), and two guarded replaces of a case
     * could both find the version they read.
     */
    @Override
    public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        if (!isMulti && Replacements.isReplacementById(selector, update)) {
            Document answer = replaceById(selector, update, isUpsert, oplog);
            if (answer != null) {
                return answer;
            }
        }
        detach(selector, isMulti);
        return super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog);
    }

    /** The answer to a replacement by {@code _id}, or null when it is left to mongo-java-server (nothing written). */
    private Document replaceById(Document selector, Document update, boolean isUpsert, Oplog oplog) {
        Object id = selector.get(Replacements.ID);
        Document stored = first(queryDocuments(selector, null, 0, 0, 0, null));
        if (stored == null) {
            Document result = new Document();
            if (isUpsert) {
                Document inserted = Replacements.withId(id, update);
                Utils.validateFieldNames(inserted);
                addDocument(inserted);
                result.put("upserted", id);
                oplog.handleInsert(getFullName(), List.of(inserted));
            } else {
                oplog.handleUpdate(getFullName(), selector, update, List.of());
            }
            return result.append("n", 0).append("nModified", 0);
        }
        Object position = positionOf(stored);
        if (position == null || !Objects.equals(stored.get(Replacements.ID), id)) {
            // No single position, or an _id stored as another type that equals the selector's only when normalised
            // (1 and 1L): mongo-java-server's own path knows what to do.
            return null;
        }
        Document replacement = Replacements.withId(id, update);
        Utils.validateFieldNames(replacement);
        List<Object> modified = List.of();
        if (!Replacements.same(replacement, stored)) {
            for (Index<Object> index : getIndexes()) {
                index.checkUpdate(stored, replacement, this);
            }
            for (Index<Object> index : getIndexes()) {
                index.updateInPlace(stored, replacement, position, this);
            }
            handleUpdate(position, stored, replacement);
            modified = List.of(id);
        }
        oplog.handleUpdate(getFullName(), selector, update, modified);
        return new Document("n", 1).append("nModified", modified.size());
    }

    /** {@link #detach}es what the command may change first: mongo-java-server changes the found document itself. */
    @Override
    public synchronized Document findAndModify(Document command) {
        if (command.get("update") != null) {
            detach(command.get("query") instanceof Document query ? query : new Document(), true);
        }
        return super.findAndModify(command);
    }

    /**
     * One at a time with updates ({@link #updateDocuments}): a delete between an update's find and its write could be
     * undone by the write.
     */
    @Override
    public synchronized int deleteDocuments(Document selector, int limit, Oplog oplog) {
        return super.deleteDocuments(selector, limit, oplog);
    }

    /**
     * Replaces each stored document {@code selector} matches (the first only, unless {@code all}) by a copy of itself,
     * for mongo-java-server to apply an update with operators ({@code $set}, {@code $inc}, ...) to: it changes the
     * document object it found, field by field, and a durable append's commit may be serialising that very object
     * beside server operations (ADR 0025), as may a reader be sending it. The copy is in no commit's snapshot and no
     * reader's hands.
     */
    private void detach(Document selector, boolean all) {
        for (Document found : queryDocuments(selector, null, 0, 0, 0, null)) {
            Object position = positionOf(found);
            if (position != null) {
                handleUpdate(position, found, found.cloneDeeply());
            }
            if (!all) {
                return;
            }
        }
    }

    private static Document first(QueryResult found) {
        for (Document document : found) {
            return document;
        }
        return null;
    }

    /** Where the document is kept, as every index that holds it says; null unless they agree on one. */
    private Object positionOf(Document stored) {
        Object position = null;
        for (Index<Object> index : getIndexes()) {
            Object at = index.getPosition(stored);
            if (at != null) {
                if (position != null && !position.equals(at)) {
                    return null;
                }
                position = at;
            }
        }
        return position;
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
