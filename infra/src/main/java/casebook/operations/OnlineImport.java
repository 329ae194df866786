package casebook.operations;

import casebook.backup.EventLogImport;
import casebook.eventstore.Durability;
import com.mongodb.client.MongoDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Restoring an exported event log into this running Casebook, started by the administrator (the offline
 * {@code ImportCommand} does the same with Casebook stopped). Only into a store without events, so that nothing
 * is overwritten; while it runs, commands are refused ({@link ImportGate}), because the global sequence is set
 * to the imported head only at the end. The projections follow the imported events as they arrive, like any
 * other events, and the operation's progress is in the operations list and the log.
 */
@Component
public class OnlineImport {

    static final String KIND = "import";

    private final Operations operations;
    private final MongoDatabase database;
    private final Durability durability;
    private volatile boolean running;

    OnlineImport(Operations operations, MongoDatabase database, Durability durability) {
        this.operations = operations;
        this.database = database;
        this.durability = durability;
    }

    /** Whether an import is running: commands wait for the end (503). */
    public boolean running() {
        return running;
    }

    /** Refuses early, before an upload is read: another import runs, or the store already holds events. */
    void checkPossible() {
        if (running) {
            throw new IllegalStateException("an import is already running");
        }
        if (database.getCollection("events").find().projection(new Document("_id", 1)).limit(1).first() != null) {
            throw new IllegalStateException("the store already holds events: import only into an empty store "
                    + "(start Casebook on an empty database with CASEBOOK_DEMO_DATA=false)");
        }
    }

    /** Imports the uploaded file (deleted afterwards) in the background. */
    synchronized OperationProgress start(Path upload, String name, String startedBy) {
        try {
            checkPossible();
        } catch (IllegalStateException e) {
            delete(upload);
            throw e;
        }
        running = true;
        return operations.start(KIND, name, startedBy, Math.max(0, lines(upload) - 1), op -> {
            try (BufferedReader in = Files.newBufferedReader(upload, StandardCharsets.UTF_8)) {
                long count = EventLogImport.into(database, in, op::advanceTo);
                durability.flush();
                return Map.of("events", count);
            } finally {
                running = false;
                delete(upload);
            }
        });
    }

    /** Every line but the header is an event or a digest: close enough to the number of events for an estimate. */
    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file; the OS cleans its folder
        }
    }
}
