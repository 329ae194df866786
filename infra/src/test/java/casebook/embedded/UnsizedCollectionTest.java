package casebook.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Collections no longer measure every document they write: inserts, replaces, updates and removals still store
 * what they should (and the file holds it after a restart), and {@code collStats} still gives a size, estimated from
 * the documents' average encoded size.
 */
class UnsizedCollectionTest {

    @TempDir
    Path dir;

    @Test
    void writesAreStoredAndTheCollectionsSizeIsEstimatedFromItsDocuments() {
        String padding = "x".repeat(1_000);
        try (EmbeddedMongo server = EmbeddedMongo.start(dir); MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase db = client.getDatabase("casebook");
            MongoCollection<Document> docs = db.getCollection("rows");
            List<Document> many = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                many.add(new Document("_id", "case-" + i).append("version", 1L).append("padding", padding));
            }
            docs.insertMany(many);
            docs.replaceOne(Filters.eq("_id", "case-1"), new Document("_id", "case-1").append("version", 2L)
                    .append("padding", "y"), new ReplaceOptions().upsert(true));
            docs.updateOne(Filters.eq("_id", "case-2"), Updates.set("version", 3L));
            docs.deleteMany(Filters.in("_id", "case-3", "case-4"));

            assertThat(docs.find(Filters.eq("_id", "case-1")).first()).containsEntry("version", 2L)
                    .containsEntry("padding", "y");
            assertThat(docs.find(Filters.eq("_id", "case-2")).first()).containsEntry("version", 3L)
                    .containsEntry("padding", padding);
            assertThat(docs.countDocuments()).isEqualTo(1_998);

            Number size = db.runCommand(new Document("collStats", "rows")).get("size", Number.class);
            // Each document encodes to a little over 1,000 bytes; the estimate follows the documents written.
            assertThat(size.longValue()).isBetween(1_998L * 900, 1_998L * 1_200);
        }
        // And what was written is what the file holds after a restart.
        try (EmbeddedMongo server = EmbeddedMongo.start(dir); MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("casebook").getCollection("rows");
            assertThat(docs.find(Filters.eq("_id", "case-1")).first()).containsEntry("version", 2L)
                    .containsEntry("padding", "y");
            assertThat(docs.find(Filters.eq("_id", "case-2")).first()).containsEntry("version", 3L);
            assertThat(docs.countDocuments()).isEqualTo(1_998);
        }
    }

    /**
     * Documents found by a unique index for {@code $in} are answered without matching them again: the same documents
     * as the collection scan that a query no index can answer makes (absent values, repeated ones, numbers of another
     * type than stored, a secondary unique index), and queries the shortcut leaves alone still match as before.
     */
    @Test
    void lookUpsByAListOfValuesFindWhatAScanFinds() {
        try (EmbeddedMongo server = EmbeddedMongo.start(dir); MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("casebook").getCollection("log");
            events.createIndex(new Document("sk", 1), new com.mongodb.client.model.IndexOptions().unique(true));
            List<Document> many = new ArrayList<>();
            for (long g = 1; g <= 300; g++) {
                many.add(new Document("_id", g).append("sk", "case-" + (g % 7) + ":" + g).append("odd", g % 2 == 1));
            }
            events.insertMany(many);

            List<Object> numbers = List.of(5L, 7, 7L, 299.0, 301L, 150L, 1L);
            assertSameDocuments(events, Filters.in("_id", numbers));
            assertThat(events.find(Filters.in("_id", numbers)).into(new ArrayList<>())).hasSize(5);
            List<Object> keys = List.of("case-5:5", "case-0:7", "case-3:3", "case-1:8", "case-1:8");
            assertSameDocuments(events, Filters.in("sk", keys));
            assertThat(events.find(Filters.in("sk", keys)).into(new ArrayList<>())).hasSize(4);
            assertThat(events.find(Filters.in("_id", numbers)).sort(new Document("_id", -1)).limit(2).into(new ArrayList<>()))
                    .extracting(d -> d.get("_id")).containsExactly(299L, 150L);
            assertThat(events.find(Filters.in("_id", numbers)).projection(new Document("odd", 1)).first())
                    .doesNotContainKey("sk");
        }
    }

    private static void assertSameDocuments(MongoCollection<Document> events, org.bson.conversions.Bson lookUp) {
        // {$and: [...]} is answered by no index: a scan of the collection, each document matched.
        List<Document> scanned = events.find(Filters.and(lookUp, Filters.exists("_id"))).into(new ArrayList<>());
        assertThat(events.find(lookUp).into(new ArrayList<>())).containsExactlyInAnyOrderElementsOf(scanned);
    }
}
