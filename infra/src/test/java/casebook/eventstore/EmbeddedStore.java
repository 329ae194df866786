package casebook.eventstore;

import casebook.embedded.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;

/** A real embedded MongoDB-wire server on an H2 file, reached through the real driver, reopenable. */
final class EmbeddedStore implements AutoCloseable {

    private final Path dir;
    private EmbeddedMongo server;
    private MongoClient client;

    EmbeddedStore(Path dir) {
        this.dir = dir;
        open();
    }

    private void open() {
        server = EmbeddedMongo.start(dir);
        client = MongoClients.create(server.connectionString());
    }

    MongoDatabase database() {
        return client.getDatabase("casebook");
    }

    Durability durability() {
        return server.durability();
    }

    /** Closes the server and the file as a clean shutdown would, then opens them again. */
    void restart() {
        close();
        open();
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
