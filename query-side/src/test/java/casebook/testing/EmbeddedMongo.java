package casebook.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/** A real in-process MongoDB-wire server (memory backend) on loopback; each test gets a database of its own. */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final AtomicInteger databases = new AtomicInteger();

    public EmbeddedMongo() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    public MongoDatabase freshDatabase() {
        return client.getDatabase("casebook_test_" + databases.incrementAndGet());
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
