package casebook.benchmark;

import casebook.embedded.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bson.Document;

/**
 * The embedded server alone, writing what a rebuild writes most: a projection replacing whole case documents, a
 * hundred per bulk write ({@code casebook.readmodel.Bulk}). 2,000 documents shaped like a grant case's view (a
 * hundred recorded steps, about 25 KB of BSON) are replaced in 20 rounds on one connection; the median of the last
 * ten is printed, per document and in MB/s. A measure of the server's own cost per replaced byte, to compare builds
 * of the embedded store on this machine, not a goal of issue 7.
 */
final class ReplaceBenchmark {

    private static final int DOCUMENTS = 2_000;
    private static final int ROUNDS = 20;
    private static final int PER_WRITE = 100;

    private ReplaceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("casebook-replace");
        int bytes = new org.bson.RawBsonDocument(caseView(0, 0), new org.bson.codecs.DocumentCodec()).getByteBuffer()
                .remaining();
        double[] micros = new double[ROUNDS];
        try (EmbeddedMongo server = EmbeddedMongo.start(dir); MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> cases = client.getDatabase("casebook").getCollection("cases");
            for (int i = 0; i < DOCUMENTS; i++) {
                cases.insertOne(caseView(i, 0));
            }
            for (int round = 1; round <= ROUNDS; round++) {
                long start = System.nanoTime();
                for (int from = 0; from < DOCUMENTS; from += PER_WRITE) {
                    List<WriteModel<Document>> writes = new ArrayList<>(PER_WRITE);
                    for (int i = from; i < from + PER_WRITE; i++) {
                        writes.add(new ReplaceOneModel<>(new Document("_id", "case-" + i), caseView(i, round),
                                new ReplaceOptions().upsert(true)));
                    }
                    cases.bulkWrite(writes);
                }
                micros[round - 1] = (System.nanoTime() - start) / 1e3 / DOCUMENTS;
            }
        }
        double[] last = Arrays.copyOfRange(micros, ROUNDS / 2, ROUNDS);
        Arrays.sort(last);
        double median = (last[last.length / 2 - 1] + last[last.length / 2]) / 2;
        System.out.printf("%nCasebook replace benchmark  machine=%d cores, java %s%n", Runtime.getRuntime()
                .availableProcessors(), System.getProperty("java.version"));
        System.out.printf("replace of a %.1f KB case document, %d per bulk write: %.0f us each, %.1f MB/s (rounds %s us)%n",
                bytes / 1024.0, PER_WRITE, median, bytes / median, Arrays.toString(
                        Arrays.stream(micros).mapToLong(Math::round).toArray()));
    }

    /** A grant case's view with a hundred recorded steps; {@code version} changes every amount. */
    private static Document caseView(int i, long version) {
        List<Document> steps = new ArrayList<>();
        for (int s = 0; s < 100; s++) {
            steps.add(new Document("step", "REPORT_SUBMITTED").append("on", "2025-06-0" + (s % 9 + 1))
                    .append("by", "officer-" + s).append("note", "実績報告書を受理した。".repeat(5))
                    .append("amount", 1000L * s + version));
        }
        return new Document("_id", "case-" + i).append("version", version).append("view", new Document("steps", steps));
    }
}
