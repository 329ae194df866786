package casebook.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with its unique indexes on {@link IndexKeyOrder} maps. Call
 * {@link IndexMaps#reorder} on the store first: the backend opens every database (and index) as it is constructed.
 */
final class OrderedH2Backend extends H2Backend {

    OrderedH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * An inner class on purpose: H2Database opens its indexes from its own constructor, before a subclass's fields are
     * set, while the reference to the enclosing backend (and so the store) is already there.
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
    }
}
