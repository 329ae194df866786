package casebook.backup;

import casebook.embedded.EmbeddedMongo;
import casebook.operations.OperationProgress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;

/**
 * Restores a backup into an empty store, with Casebook stopped: {@code MONGODB_URI} if set, else the embedded
 * store in {@code CASEBOOK_DATA_DIR} (default ./data). The projections rebuild at the next start. Progress (count,
 * rate, time left) is logged every ten seconds, against the number of lines in the file.
 */
public final class ImportCommand {

    private ImportCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ImportCommand <export.ndjson>");
            System.exit(2);
        }
        String uri = System.getenv().getOrDefault("MONGODB_URI", "");
        String database = System.getenv().getOrDefault("CASEBOOK_DATABASE", "casebook");
        EmbeddedMongo embedded = uri.isBlank()
                ? EmbeddedMongo.start(Path.of(System.getenv().getOrDefault("CASEBOOK_DATA_DIR", "./data"))) : null;
        Path file = Path.of(args[0]);
        long start = System.nanoTime();
        // Every line but the header is an event or a digest: close enough to the number of events for an estimate.
        OperationProgress progress = new OperationProgress("import", "import", file.toString(), System.getProperty("user.name"),
                Math.max(0, lines(file) - 1), Clock.systemUTC());
        try (MongoClient client = MongoClients.create(embedded != null ? embedded.connectionString() : uri);
             BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long count = EventLogImport.into(client.getDatabase(database), in, progress::advanceTo);
            if (embedded != null) {
                embedded.durability().flush();
            }
            progress.succeed(null);
            System.out.printf("imported %d events in %.1f s; projections rebuild at the next start%n", count,
                    (System.nanoTime() - start) / 1e9);
        } catch (Exception | Error e) {
            progress.fail(e);
            throw e;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static long lines(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count();
        }
    }
}
