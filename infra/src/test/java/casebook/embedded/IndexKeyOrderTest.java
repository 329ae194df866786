package casebook.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexKeyOrderTest {

    private static final int DOCUMENTS = 2_000;

    @Test
    void theOrderIsTotalAndAgreesWithEquality() {
        List<Object> values = new ArrayList<>(List.of("a", "b", "case-1:0000000001", "", 1L, 2L, -5L, 1, 2, 1.0, 2.5,
                true, false, new ObjectId(), new ObjectId(), new Date(1), new Date(2), Instant.EPOCH, UUID.randomUUID(),
                Missing.getInstance(), List.of(1, 2), List.of(1, 3), Map.of("x", 1)));
        values.add(null);
        List<KeyValue> keys = new ArrayList<>();
        for (Object a : values) {
            keys.add(new KeyValue(a));
            for (Object b : values) {
                keys.add(new KeyValue(a, b));
            }
        }
        IndexKeyOrder order = new IndexKeyOrder();
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                int ab = Integer.signum(order.compare(a, b));
                assertThat(ab).as("%s vs %s", a, b).isEqualTo(-Integer.signum(order.compare(b, a)));
                assertThat(ab == 0).as("%s vs %s", a, b).isEqualTo(a.equals(b));
            }
        }
        List<KeyValue> sorted = new ArrayList<>(keys);
        sorted.sort(order::compare);
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                assertThat(order.compare(sorted.get(i), sorted.get(j))).as("transitive").isLessThanOrEqualTo(0);
            }
        }
    }

    @Test
    void aStoreWrittenInH2sOwnOrderIsReKeyedOnceAndFindsEveryDocument(@TempDir Path dir) {
        writeWithThePlainH2Backend(dir.resolve("casebook.mv"));

        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir); MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertEveryDocumentIsFound(client);
            assertThatThrownBy(() -> client.getDatabase("casebook").getCollection("rows")
                    .insertOne(new Document("_id", "another").append("k", "key-7")))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            client.getDatabase("casebook").getCollection("rows").insertOne(new Document("_id", "new").append("k", "new-key"));
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dir); MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertEveryDocumentIsFound(client);
            assertThat(client.getDatabase("casebook").getCollection("rows").find(new Document("k", "new-key")).first())
                    .isNotNull();
        }
        MVStore reopened = new MVStore.Builder().fileName(dir.resolve("casebook.mv").toString()).readOnly().open();
        try {
            assertThat(reopened.openMap(IndexMaps.FORMAT_MAP).get(IndexMaps.INDEX_ORDER)).isEqualTo(IndexMaps.CURRENT_ORDER);
            assertThat(reopened.getMapNames()).noneMatch(name -> name.endsWith(".reordering"));
        } finally {
            reopened.close();
        }
    }

    /** A store as every earlier Casebook wrote it: mongo-java-server's own H2 backend. */
    private static void writeWithThePlainH2Backend(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        MongoServer server = new MongoServer(new H2Backend(store));
        String uri = "mongodb://" + server.bind().getHostString() + ":" + server.getLocalAddress().getPort();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> rows = client.getDatabase("casebook").getCollection("rows");
            rows.createIndex(new Document("k", 1), new IndexOptions().unique(true));
            MongoCollection<Document> numbered = client.getDatabase("casebook").getCollection("numbered");
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                rows.insertOne(new Document("_id", "row-" + i).append("k", "key-" + i));
                batch.add(new Document("_id", (long) i).append("n", i));
            }
            numbered.insertMany(batch);
            client.getDatabase("casebook").getCollection("generated").insertOne(new Document("n", 1));
        } finally {
            server.shutdownNow();
            store.close();
        }
    }

    private static void assertEveryDocumentIsFound(MongoClient client) {
        MongoCollection<Document> rows = client.getDatabase("casebook").getCollection("rows");
        MongoCollection<Document> numbered = client.getDatabase("casebook").getCollection("numbered");
        for (int i = 0; i < DOCUMENTS; i++) {
            assertThat(rows.find(new Document("_id", "row-" + i)).first()).as("row-%d by _id", i).isNotNull();
            assertThat(rows.find(new Document("k", "key-" + i)).first()).as("key-%d by k", i).isNotNull();
            assertThat(numbered.find(new Document("_id", (long) i)).first()).as("%d by _id", i).isNotNull();
        }
        Object generatedId = client.getDatabase("casebook").getCollection("generated").find().first().get("_id");
        assertThat(client.getDatabase("casebook").getCollection("generated").find(new Document("_id", generatedId)).first())
                .isNotNull();
    }
}
