package casebook.embedded;

import casebook.eventstore.Durability;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process MongoDB-wire server that runs Casebook on a fresh machine: mongo-java-server with its
 * H2 file backend. Writes are made durable by {@link GroupCommitter}; a housekeeper commits stray
 * writes (projections, tokens) every second and compacts the file, because committing per write with
 * the default retention multiplies the file size.
 */
public final class EmbeddedMongo implements AutoCloseable {

    /** The command by which a client asks the server to commit everything acknowledged so far (see CommitLockingBackend). */
    public static final String DURABLE_COMMIT = CommitLockingBackend.DURABLE_COMMIT;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    private static final int CACHE_MB = 256;
    private static final int SPARSE_FILL_RATE = 90;
    private static final int REWRITE_BYTES = 16 * 1024 * 1024;

    private final MVStore store;
    private final MongoServer server;
    private final GroupCommitter committer;
    private final EmbeddedStoreLock storeLock = new EmbeddedStoreLock();
    private final ScheduledExecutorService housekeeper;
    private final String connectionString;

    private EmbeddedMongo(Path file, InetSocketAddress address) {
        // Retention 0 releases old chunks at once, so frequent commits do not grow the file without bound.
        this.store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().cacheSize(CACHE_MB).open();
        store.setRetentionTime(0);
        IndexMaps.reorder(store);
        this.committer = new GroupCommitter(store, storeLock);
        this.server = new MongoServer(new CommitLockingBackend(new TunedH2Backend(store), storeLock.readWriteLock(), committer));
        server.bind(address);
        this.connectionString = "mongodb://" + hostPort(server.getLocalAddress());
        this.housekeeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "embedded-mongo-housekeeper");
            t.setDaemon(true);
            return t;
        });
        housekeeper.scheduleWithFixedDelay(this::commitQuietly, 1, 1, TimeUnit.SECONDS);
        housekeeper.scheduleWithFixedDelay(this::rewriteSparseChunks, 2, 2, TimeUnit.SECONDS);
        housekeeper.scheduleWithFixedDelay(this::compactQuietly, 60, 60, TimeUnit.SECONDS);
        housekeeper.scheduleWithFixedDelay(() -> log.debug("embedded store: {} chunksFillRate={}%", committer.stats(),
                chunksFillRate()), 5, 5, TimeUnit.SECONDS);
    }

    /** Opens (or creates) the store file under {@code dataDir} and listens on a free loopback port. */
    public static EmbeddedMongo start(Path dataDir) {
        return start(dataDir, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /** Opens (or creates) the store file under {@code dataDir} and listens on {@code address}. */
    public static EmbeddedMongo start(Path dataDir, InetSocketAddress address) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = dataDir.toAbsolutePath().resolve("casebook.mv");
        EmbeddedMongo mongo = new EmbeddedMongo(file, address);
        log.info("Casebook is using its embedded MongoDB-wire server (mongo-java-server, H2 file {}) at {}; "
                + "set MONGODB_URI to use a real MongoDB", file, mongo.connectionString);
        return mongo;
    }

    private static String hostPort(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    public String connectionString() {
        return connectionString;
    }

    public Durability durability() {
        return committer;
    }

    /** The share of live data in the store's chunks, in percent: below 90 the housekeeper is rewriting chunks. */
    public int chunksFillRate() {
        return store.getFileStore().getChunksFillRate();
    }

    private void commitQuietly() {
        try {
            committer.commitNow();
        } catch (RuntimeException e) {
            log.warn("embedded store commit failed", e);
        }
    }

    /**
     * With auto-commit off, the store's own background compaction never runs, and every commit leaves
     * partly empty chunks behind: measured, 100,000 events grew the file to 3.3 GB. Rewriting a few MB of
     * the emptiest chunks every two seconds lets new chunks reuse the space.
     */
    private void rewriteSparseChunks() {
        try {
            storeLock.exclusively(() -> {
                if (!store.isClosed()) {
                    store.compact(SPARSE_FILL_RATE, REWRITE_BYTES);
                }
            });
        } catch (RuntimeException e) {
            log.warn("embedded store chunk rewrite failed", e);
        }
    }

    private void compactQuietly() {
        try {
            storeLock.exclusively(() -> {
                if (!store.isClosed()) {
                    store.commit();
                    store.compactFile(200);
                }
            });
        } catch (RuntimeException e) {
            log.warn("embedded store compaction failed", e);
        }
    }

    @Override
    public void close() {
        housekeeper.shutdownNow();
        server.shutdownNow();
        storeLock.exclusively(() -> {
            if (!store.isClosed()) {
                store.commit();
                store.close();
            }
        });
        log.info("embedded MongoDB-wire server stopped");
    }
}
