package casebook.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import casebook.e2e.RunningCasebook;
import casebook.eventstore.StoreDuringReplay;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While the whole log is replayed the embedded store's page cache is small and its sparse chunks wait to be
 * rewritten; afterwards it is itself again (ADR 0023).
 */
class StoreDuringReplayTest {

    @TempDir
    Path dir;

    @Test
    void theCacheShrinksWhileAnyReplayRunsAndComesBackWhenTheLastEnds() {
        try (EmbeddedMongo server = EmbeddedMongo.start(dir)) {
            int usual = server.pageCacheMegabytes();
            assertThat(usual).isEqualTo(64);

            StoreDuringReplay.Replaying first = server.replayStarts();
            assertThat(server.pageCacheMegabytes()).isEqualTo(4);
            StoreDuringReplay.Replaying second = server.replayStarts();
            first.close();
            first.close(); // a second close of the same replay does not end the other one
            assertThat(server.pageCacheMegabytes()).as("while the second replay runs").isEqualTo(4);
            second.close();

            assertThat(server.pageCacheMegabytes()).isEqualTo(usual);
            assertThat(server.replaysBegun()).isEqualTo(2);
        }
    }

    @Test
    void whatWasStoredReadsBackThroughTheResizedCache() {
        try (EmbeddedMongo server = EmbeddedMongo.start(dir); MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("casebook").getCollection("rows");
            List<Document> many = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                many.add(new Document("_id", i).append("text", "row " + i + " " + "x".repeat(500)));
            }
            docs.insertMany(many);
            server.durability().flush(); // committed: later reads come from the file's pages through the cache

            try (StoreDuringReplay.Replaying replaying = server.replayStarts()) {
                assertThat(docs.countDocuments()).isEqualTo(2_000);
                docs.updateOne(new Document("_id", 7), new Document("$set", new Document("text", "changed while replaying")));
            }
            assertThat(docs.find(new Document("_id", 7)).first().getString("text")).isEqualTo("changed while replaying");
            assertThat(docs.find(new Document("_id", 1_999)).first().getString("text")).startsWith("row 1999 ");
        }
    }

    @Test
    void sparseChunksWaitForTheReplayToEnd() {
        try (EmbeddedMongo server = EmbeddedMongo.start(dir); MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("casebook").getCollection("rows");
            StoreDuringReplay.Replaying replaying = server.replayStarts();
            // Chunks of which nine tenths die: what a rebuild leaves behind as it replaces the read models.
            for (int round = 0; round < 4; round++) {
                List<Document> many = new ArrayList<>();
                for (int i = 0; i < 1_000; i++) {
                    many.add(new Document("_id", round * 1_000 + i).append("keep", i % 10 == 0).append("text", "x".repeat(2_000)));
                }
                docs.insertMany(many);
                server.durability().flush();
            }
            docs.deleteMany(Filters.eq("keep", false));
            server.durability().flush();
            int sparse = server.sparseChunks();
            assertThat(sparse).isPositive();

            int skipped = server.stepsSkippedForReplays();
            RunningCasebook.await("the housekeeper's next steps", Duration.ofSeconds(30),
                    () -> server.stepsSkippedForReplays() >= skipped + 3 ? true : null);
            assertThat(server.sparseChunks()).as("while the replay runs").isEqualTo(sparse);

            replaying.close();
            RunningCasebook.await("the rewrite after the replay", Duration.ofSeconds(60),
                    () -> server.sparseChunks() < sparse ? true : null);
            assertThat(docs.countDocuments()).isEqualTo(400);
        }
    }
}
