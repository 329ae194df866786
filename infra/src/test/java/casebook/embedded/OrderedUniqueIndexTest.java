package casebook.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's unique index finds a document's key without the library's general path where it can
 * ({@link OrderedUniqueIndex}); these tests hold it to the library's answers: the key of every kind of value, and
 * the outcome of the same writes on the library's own H2 backend.
 */
class OrderedUniqueIndexTest {

    /** Values of every kind a key may hold, including those the library normalises (numbers, -0.0, nested documents). */
    private static List<Object> values() {
        List<Object> values = new ArrayList<>(List.of("a", "", "case-1:0000000001", 1, 1L, 1.0, -0.0, 0, 2.5,
                Long.MAX_VALUE, Long.MIN_VALUE + 1, 9_007_199_254_740_993L, true, new ObjectId("64b000000000000000000001"),
                new Date(5), new Document("x", 1).append("y", "z"), new Document("x", 1L), List.of(1, 2), List.of("a"),
                List.of(), List.of(List.of(1)), List.of(new Document("b", 3))));
        values.add(null);
        return values;
    }

    private static final List<List<IndexKey>> KEY_SETS = List.of(
            List.of(new IndexKey("_id", true)),
            List.of(new IndexKey("aggregateIdentifier", true), new IndexKey("sequenceNumber", true)),
            List.of(new IndexKey("k", false)),
            List.of(new IndexKey("k.b", true)),
            List.of(new IndexKey("k", true), new IndexKey("j.b", true)));

    @Test
    void everyDocumentGetsTheKeyTheLibraryGivesIt() {
        MVStore store = new MVStore.Builder().open();
        try {
            int checked = 0;
            for (List<IndexKey> keys : KEY_SETS) {
                OrderedUniqueIndex ours = new OrderedUniqueIndex(IndexMaps.open(store, "index-" + checked), "i", keys, false);
                LibraryIndex library = new LibraryIndex(keys);
                for (Document document : documents(keys)) {
                    assertThat(outcome(ours::getKeyValues, document))
                            .as("%s on %s", keys, document).isEqualTo(outcome(library::getKeyValues, document));
                    checked++;
                }
            }
            assertThat(checked).isGreaterThan(1_000);
        } finally {
            store.close();
        }
    }

    @Test
    void theSameWritesHaveTheSameOutcomesAsOnTheLibrarysOwnBackend(@TempDir Path dir) {
        MVStore plain = new MVStore.Builder().open();
        MongoServer library = new MongoServer(new H2Backend(plain));
        String libraryUri = "mongodb://" + library.bind().getHostString() + ":" + library.getLocalAddress().getPort();
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir);
             MongoClient oursClient = MongoClients.create(mongo.connectionString());
             MongoClient libraryClient = MongoClients.create(libraryUri)) {
            List<String> ourOutcomes = script(oursClient);
            List<String> libraryOutcomes = script(libraryClient);
            assertThat(ourOutcomes).isEqualTo(libraryOutcomes);
            assertThat(ourOutcomes).anyMatch(o -> o.contains("E11000")).anyMatch(o -> o.equals("ok"));
        } finally {
            library.shutdownNow();
            plain.close();
        }
    }

    /**
     * Inserts, replacements that change and keep the keys, and deletions on collections with single, compound, sparse
     * and nested unique indexes, over values of every kind; each write's outcome (or the error's code and message) and
     * then what the unique keys find. Some writes fail on both alike (a replacement the library cannot do answers
     * "Expected one element but got at least two", and the server logs it): the outcomes must still match.
     */
    private static List<String> script(MongoClient client) {
        var db = client.getDatabase("casebook");
        MongoCollection<org.bson.Document> events = db.getCollection("events");
        events.createIndex(new org.bson.Document("aggregateIdentifier", 1).append("sequenceNumber", 1),
                new IndexOptions().unique(true));
        MongoCollection<org.bson.Document> sparse = db.getCollection("sparse");
        sparse.createIndex(new org.bson.Document("k", 1), new IndexOptions().unique(true).sparse(true));
        MongoCollection<org.bson.Document> nested = db.getCollection("nested");
        nested.createIndex(new org.bson.Document("k.b", 1), new IndexOptions().unique(true));
        List<String> outcomes = new ArrayList<>();
        List<Object> values = driverValues();
        for (int n = 0; n < values.size(); n++) {
            int i = n;
            Object v = values.get(i);
            outcomes.add(write(() -> events.insertOne(new org.bson.Document("_id", "e" + i)
                    .append("aggregateIdentifier", "case-" + (i % 3)).append("sequenceNumber", v))));
            if (!(v instanceof List)) { // MongoDB refuses an array as _id
                outcomes.add(write(() -> events.insertOne(new org.bson.Document("_id", v).append("aggregateIdentifier", "x"))));
            }
            outcomes.add(write(() -> sparse.insertOne(i % 4 == 0 ? new org.bson.Document("_id", "s" + i)
                    : new org.bson.Document("_id", "s" + i).append("k", v))));
            outcomes.add(write(() -> nested.insertOne(new org.bson.Document("_id", "n" + i)
                    .append("k", new org.bson.Document("b", v)))));
        }
        for (int n = 0; n < values.size(); n++) {
            int i = n;
            Object v = values.get((i + 5) % values.size());
            outcomes.add(write(() -> events.replaceOne(new org.bson.Document("_id", "e" + i),
                    new org.bson.Document("aggregateIdentifier", "case-" + (i % 2)).append("sequenceNumber", v))));
            outcomes.add(write(() -> sparse.replaceOne(new org.bson.Document("_id", "s" + i),
                    new org.bson.Document("k", v).append("changed", true), new ReplaceOptions().upsert(true))));
            if (i % 3 == 0) {
                outcomes.add(write(() -> events.deleteOne(new org.bson.Document("_id", "e" + i))));
            }
        }
        for (Object v : values) {
            outcomes.add("find " + events.find(new org.bson.Document("aggregateIdentifier", "case-1").append("sequenceNumber", v))
                    .into(new ArrayList<>()).size() + " " + events.find(new org.bson.Document("_id", v)).into(new ArrayList<>()).size()
                    + " " + sparse.find(new org.bson.Document("k", v)).into(new ArrayList<>()).size());
        }
        outcomes.add("counts " + events.countDocuments() + " " + sparse.countDocuments() + " " + nested.countDocuments());
        return outcomes;
    }

    private static List<Object> driverValues() {
        List<Object> values = new ArrayList<>(List.of("a", "", 1, 1L, 1.0, -0.0, 0, 2.5, Long.MAX_VALUE,
                9_007_199_254_740_993L, true, new Date(5), new org.bson.Document("x", 1).append("y", "z"),
                new org.bson.Document("x", 1L), List.of(1, 2), List.of(2, 3), List.of("a")));
        values.add(null);
        return values;
    }

    private static String write(Runnable write) {
        try {
            write.run();
            return "ok";
        } catch (MongoException e) {
            return e.getCode() + " " + e.getMessage().replaceAll("'?localhost:\\d+'?|'?127\\.0\\.0\\.1:\\d+'?", "server");
        }
    }

    /** Documents with each key set to each value, a key missing, and pairs of values for compound keys. */
    private static List<Document> documents(List<IndexKey> keys) {
        List<Document> documents = new ArrayList<>();
        List<Object> values = values();
        documents.add(new Document("other", 1));
        for (Object a : values) {
            for (Object b : values) {
                Document d = new Document();
                for (int i = 0; i < keys.size(); i++) {
                    put(d, keys.get(i).getKey(), i == 0 ? a : b);
                }
                documents.add(d);
                if (keys.size() == 1) {
                    break;
                }
            }
        }
        return documents;
    }

    /** Puts {@code value} at a top-level or dotted path. */
    private static void put(Document d, String path, Object value) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            d.put(path, value);
        } else {
            d.put(path.substring(0, dot), new Document(path.substring(dot + 1), value));
        }
    }

    /** The keys found, or the kind and message of the error the library raises (parallel arrays, say). */
    private static String outcome(Function<Document, Object> keyValues, Document document) {
        try {
            return String.valueOf(keyValues.apply(document));
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** The library's own key finding; the index holds nothing, as only {@link #getKeyValues} is asked of it. */
    private static final class LibraryIndex extends AbstractUniqueIndex<Object> {

        LibraryIndex(List<IndexKey> keys) {
            super("library", keys, false);
        }

        @Override
        protected Object removeDocument(KeyValue key) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected boolean putKeyPosition(KeyValue key, Object position) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return List.of();
        }

        @Override
        protected Object getPosition(KeyValue key) {
            return null;
        }

        @Override
        public long getCount() {
            return 0;
        }

        @Override
        public long getDataSize() {
            return 0;
        }
    }
}
