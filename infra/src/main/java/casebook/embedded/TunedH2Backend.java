package casebook.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 backend with three changes found by profiling, none visible to clients except as
 * estimated collection sizes: unique indexes are ordered by {@link IndexKeyOrder}, documents are stored as BSON
 * ({@link DocumentValueType}), and collections do not measure every document they write ({@link UnsizedCollection}). Call
 * {@link IndexMaps#reorder} on the store first: the backend opens every database (and index) as it is constructed.
 * <p>
 * The server keeps no secondary (non-unique) index: it lists one and never uses it. Casebook creates one, the browser
 * sessions' TTL index, for a real MongoDB; here the session store's own sweep deletes expired sessions. Instead of
 * the server's warning at its creation and at every start, one INFO line says what that means.
 */
final class TunedH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(TunedH2Backend.class);

    TunedH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * An inner class on purpose: H2Database opens its collections and indexes from its own constructor, before a
     * subclass's fields are set, while the reference to the enclosing backend (and so the store) is already there.
     * The map names are H2Database's own, so a store stays readable by either.
     */
    private final class Database extends H2Database {

        Database(String name) {
            super(name, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            return new OrderedUniqueIndex(IndexMaps.open(getMvStore(), mapName), indexName, keys, sparse);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                           boolean sparse) {
            log.info("index {} on {} {} is listed but not kept by the embedded server (a real MongoDB uses it; "
                     + "queries on it scan the collection, and a TTL deletes nothing)", indexName, collectionName, keys);
            return new EmptyIndex<>(indexName, keys);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            DocumentValueType valueType = new DocumentValueType();
            MVMap<Object, Document> documents = getMvStore().openMap("databases." + namespace,
                    new MVMap.Builder<Object, Document>().valueType(valueType));
            MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
            return new UnsizedCollection(this, collectionName, options, documents, valueType, meta,
                    getCursorRegistry());
        }
    }
}
