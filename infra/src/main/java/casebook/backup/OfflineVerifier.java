package casebook.backup;

import casebook.eventstore.ChainReport;
import casebook.eventstore.MongoEventStorageEngine;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Verifies an exported event log without the server: the file is loaded into a throw-away in-memory store
 * and checked by the same chain verifier the server uses. Exit status 0 when every chain and digest holds.
 */
public final class OfflineVerifier {

    private OfflineVerifier() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: OfflineVerifier <export.ndjson>");
            System.exit(2);
        }
        ChainReport report = verify(Path.of(args[0]));
        System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        System.exit(report.ok() ? 0 : 1);
    }

    public static ChainReport verify(Path export) throws IOException {
        MongoServer server = new MongoServer(H2Backend.inMemory());
        String address = server.bindAndGetConnectionString();
        try (MongoClient client = MongoClients.create(address);
             BufferedReader in = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            var database = client.getDatabase("verify");
            EventLogImport.into(database, in, count -> { });
            JacksonSerializer serializer = JacksonSerializer.builder().build();
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(database).eventSerializer(serializer)
                    .snapshotSerializer(serializer).build();
            return engine.verify(null);
        } finally {
            server.shutdownNow();
        }
    }
}
