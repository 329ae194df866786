package casebook.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store writes its file only in a commit, which runs while no server operation is half applied
 * (ADR 0003), however much the clients change without asking for durability: a projection rebuild's volume, here.
 */
class EmbeddedMongoCommitTest {

    @TempDir
    Path dir;

    @Test
    void heavyWritesWithoutDurableCommitsAreStoredOnlyByTheStoresOwnCommits() throws Exception {
        String padding = "x".repeat(20_000);
        try (EmbeddedMongo server = EmbeddedMongo.start(dir); MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("casebook").getCollection("rows");
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    // About 160 MB in all, in operations of 20 MB each: many times H2's inline-store threshold.
                    for (int batch = 0; batch < 2; batch++) {
                        List<Document> many = new ArrayList<>();
                        for (int i = 0; i < 1_000; i++) {
                            many.add(new Document("_id", writer + ":" + batch + ":" + i).append("batch", batch)
                                    .append("padding", padding));
                        }
                        docs.insertMany(many);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            writers.shutdown();
            assertThat(docs.countDocuments(Filters.eq("batch", 1))).isEqualTo(4_000);
            assertThat(server.bytesWrittenOutsideCommits()).as("bytes stored outside a commit").isZero();
        }
        // And what was committed reads back after a clean restart.
        try (EmbeddedMongo server = EmbeddedMongo.start(dir); MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(client.getDatabase("casebook").getCollection("rows").countDocuments(Filters.eq("batch", 1)))
                    .isEqualTo(4_000);
        }
    }
}
