package casebook.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * H2's collection without the running total of its documents' sizes. mongo-java-server keeps that total exact by
 * encoding the whole document as BSON on every insert and removal and both the old and the new document on every
 * update, only to measure them, into a growing buffer thrown away at once, and then rewrites the total in the
 * collection's meta map. A projection replacing a case document of tens of KB paid for two encodings it never
 * used, beside the one the store's commit makes anyway. The total only feeds {@code collStats} and
 * {@code validate}, which Casebook does not ask; they now get an estimate: the document count times the average
 * encoded size the store last wrote or read ({@link DocumentValueType}).
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
