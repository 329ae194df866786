package casebook.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Assert;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * H2's collection with its documents kept as BSON in the store ({@link EncodedDocument}), and without the running
 * total of their sizes.
 * <p>
 * Every access to the documents' map is here (H2Collection's own would take its values for decoded documents): a
 * document is encoded once when it is written and decoded when it is read, instead of H2 decoding every document of
 * each page it reads and encoding every document of each page it writes.
 * <p>
 * mongo-java-server keeps the size total exact by encoding the whole document as BSON on every insert and removal
 * and both the old and the new document on every update, only to measure them, and then rewrites the total in the
 * collection's meta map. The total only feeds {@code collStats} and {@code validate}, which Casebook does not ask;
 * they now get an estimate: the document count times the average encoded size the store last wrote or read
 * ({@link DocumentValueType}).
 * <p>
 * Documents found for an {@code $in} query are matched again by a set look-up rather than a comparison with every
 * listed value ({@link InListMatch}).
 */
final class UnsizedCollection extends H2Collection {

    private final MVMap<Object, Object> documents;
    private final DocumentValueType valueType;
    /** The set look-up of the query this thread is matching now: the library matches a query's documents in turn. */
    private final ThreadLocal<InListMatch> inList = new ThreadLocal<>();

    @SuppressWarnings({"unchecked", "rawtypes"})
    UnsizedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                      MVMap<Object, Object> documents, DocumentValueType valueType, MVMap<String, Object> meta,
                      CursorRegistry cursors) {
        super(database, collectionName, options, (MVMap) documents, meta, cursors);
        this.documents = documents;
        this.valueType = valueType;
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object key = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
        Object previous = documents.put(Missing.ofNullable(key), EncodedDocument.of(document, valueType.averageSize()));
        Assert.isNull(previous, () -> "Document with key '" + key + "' already existed in " + this);
        return key;
    }

    @Override
    protected Document getDocument(Object position) {
        Object stored = documents.get(position);
        return stored == null ? null : EncodedDocument.decode(stored);
    }

    @Override
    protected void removeDocument(Object position) {
        if (documents.remove(position) == null) {
            throw new NoSuchElementException("No document with key " + position);
        }
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        documents.put(Missing.ofNullable(position), EncodedDocument.of(newDocument, valueType.averageSize()));
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return documents.entrySet().stream()
                .map(entry -> new DocumentWithPosition<>(EncodedDocument.decode(entry.getValue()), entry.getKey()));
    }

    /** A scan of the whole collection (no index answers the query), as H2Collection's, decoding as it goes. */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
                                         int batchSize, Document fieldSelector) {
        Stream<Document> scanned = isNaturalDescending(orderBy)
                ? streamAllDocumentsWithPosition()
                        .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                        .map(DocumentWithPosition::getDocument)
                : documents.values().stream().map(EncodedDocument::decode);
        return matchDocumentsFromStream(scanned, query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
    }

    @Override
    protected boolean documentMatchesQuery(Document document, Document query) {
        InListMatch match = inList.get();
        if (match == null || !match.isFor(query)) {
            match = InListMatch.of(query);
            inList.set(match);
        }
        Boolean matches = match.matches(document);
        return matches != null ? matches : super.documentMatchesQuery(document, query);
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
