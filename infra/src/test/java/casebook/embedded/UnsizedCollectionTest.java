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
}
