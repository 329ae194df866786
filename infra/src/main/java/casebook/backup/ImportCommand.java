package casebook.backup;

import casebook.embedded.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Restores a backup into an empty store, with Casebook stopped: {@code MONGODB_URI} if set, else the embedded
 * store in {@code CASEBOOK_DATA_DIR} (default ./data). The projections rebuild at the next start.
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
        long start = System.nanoTime();
        try (MongoClient client = MongoClients.create(embedded != null ? embedded.connectionString() : uri);
             BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            long count = EventLogImport.into(client.getDatabase(database), in, n -> {
                if (n % 10_000 == 0) {
                    System.out.printf("imported %d events (%.0f/s)%n", n, n / ((System.nanoTime() - start) / 1e9));
                }
            });
            if (embedded != null) {
                embedded.durability().flush();
            }
            System.out.printf("imported %d events in %.1f s; projections rebuild at the next start%n", count,
                    (System.nanoTime() - start) / 1e9);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
