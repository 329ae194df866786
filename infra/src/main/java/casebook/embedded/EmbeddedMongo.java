package casebook.embedded;

import casebook.eventstore.Durability;
import casebook.eventstore.StoreDuringReplay;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process MongoDB-wire server that runs Casebook on a fresh machine: mongo-java-server with its
 * H2 file backend. Writes are made durable by {@link GroupCommitter}; a housekeeper commits stray
 * writes (projections, tokens) every second and moves live pages out of sparse chunks (ADR 0012), because
 * committing per write with the default retention multiplies the file size.
 */
public final class EmbeddedMongo implements AutoCloseable {

    /** The command by which a client asks the server to commit everything acknowledged so far (see CommitLockingBackend). */
    public static final String DURABLE_COMMIT = CommitLockingBackend.DURABLE_COMMIT;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    /**
     * H2's cache of decoded pages. At 256 MB a rebuild of a million events churned it through the old generation, and
     * G1 marked the heap for 127 of 205 s; at 64 MB: 33 s of marking, 25 % less CPU, the rebuild 163 s, the lists'
     * rates unchanged (ADR 0018); commands at a million events ran at the same rate with either (twelfth session).
     * {@code -Dcasebook.embedded.cacheMb} overrides it, for measuring another size.
     */
    private static final int CACHE_MB = Integer.getInteger("casebook.embedded.cacheMb", 64);
    /**
     * H2's page cache while the whole log is replayed: such a replay reads every page of the log once and changes
     * read-model documents a checkpoint at a time, so a page it caches only passes through the old generation on its
     * way out. At a million events: 64 MB 168 s, 16 MB 149 s, 4 MB 147 s, G1's marking 82 → 57 → 45 s (ADR 0023).
     * {@code -Dcasebook.embedded.replayCacheMb} overrides it.
     */
    private static final int REPLAY_CACHE_MB = Integer.getInteger("casebook.embedded.replayCacheMb", 4);
    /** Below this share of live data in its chunks, the store rewrites sparse chunks. */
    private static final int TARGET_FILL_RATE = 90;
    /**
     * At most this much live data moved per step, and a step every {@link #REWRITE_MILLIS}: a step makes every commit
     * wait while it runs (about 30 ms per MB measured at a million events), so the steps are small and frequent.
     */
    private static final int REWRITE_BYTES = 2 * 1024 * 1024;
    private static final int REWRITE_MILLIS = 250;
    /**
     * A step that moves one chunk larger than {@link #REWRITE_BYTES} (see {@link SparseChunkFileStore#prepareStep}) is
     * followed by a pause of this many times its own length, so that such steps (up to about 300 ms each after a
     * projection rebuild) hold commits at most a quarter of the time.
     */
    private static final int LARGER_STEP_PAUSE = 3;
    /**
     * Changed pages kept in memory before the housekeeper commits them without waiting for its second: about what H2's
     * own inline store allowed. Twice that (measured in a rebuild) made each commit, which every writer waits for,
     * take 77 ms on average and up to 180 ms, without a faster rebuild.
     */
    private static final int UNSAVED_LIMIT_BYTES = 16 * 1024 * 1024;
    /** The file is shrunk only when less than this share of it is chunks: its free space is otherwise reused. */
    private static final int SHRINK_BELOW_USED = 50;

    private final MVStore store;
    private final SparseChunkFileStore fileStore;
    private final MongoServer server;
    private final GroupCommitter committer;
    private final CommitLockingBackend backend;
    private final EmbeddedStoreLock storeLock = new EmbeddedStoreLock();
    private final ScheduledExecutorService housekeeper;
    private final String connectionString;
    private final LockHolds rewriteHolds = new LockHolds();
    private final LockHolds shrinkHolds = new LockHolds();
    /** Replays of the whole log in progress: the page cache is small while there is one. */
    private final AtomicInteger replays = new AtomicInteger();
    private final AtomicInteger replaysBegun = new AtomicInteger();
    private final AtomicInteger stepsSkippedForReplays = new AtomicInteger();
    /** Rewrite steps still to skip after a larger step; used only by the housekeeper's thread. */
    private int pausedSteps;
    /** Bytes written outside a commit already logged; used only by the housekeeper's thread. */
    private long reportedOutsideCommit;

    private EmbeddedMongo(Path file, InetSocketAddress address) {
        // Retention 0 releases old chunks at once, so frequent commits do not grow the file without bound.
        this.fileStore = new SparseChunkFileStore(CACHE_MB);
        fileStore.open(file.toString(), false, null);
        // Auto-commit off stops H2's background writer, not its inline store: a write that finds more than the
        // auto-commit buffer unsaved (16-19 MB, scaled to the heap) stored the maps in that server operation's thread, while
        // other operations could be half applied (ADR 0003; a rebuild did so several times a second). Buffer 0 turns
        // it off; commitIfLarge bounds the unsaved memory instead, under the store's lock like every commit.
        this.store = new MVStore.Builder().adoptFileStore(fileStore).autoCommitDisabled().autoCommitBufferSize(0).open();
        store.setRetentionTime(0);
        IndexMaps.reorder(store);
        fileStore.startCounting();
        this.committer = new GroupCommitter(store, fileStore, storeLock);
        this.backend = new CommitLockingBackend(new TunedH2Backend(store), storeLock.readWriteLock(), committer);
        this.server = new MongoServer(backend);
        server.bind(address);
        this.connectionString = "mongodb://" + hostPort(server.getLocalAddress());
        this.housekeeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "embedded-mongo-housekeeper");
            t.setDaemon(true);
            return t;
        });
        housekeeper.scheduleWithFixedDelay(this::commitQuietly, 1, 1, TimeUnit.SECONDS);
        housekeeper.scheduleWithFixedDelay(this::commitIfLarge, 100, 100, TimeUnit.MILLISECONDS);
        housekeeper.scheduleWithFixedDelay(this::warnOfWritesOutsideCommits, 5, 5, TimeUnit.SECONDS);
        housekeeper.scheduleWithFixedDelay(this::rewriteSparseChunks, 2000, REWRITE_MILLIS, TimeUnit.MILLISECONDS);
        housekeeper.scheduleWithFixedDelay(this::shrinkQuietly, 60, 60, TimeUnit.SECONDS);
        housekeeper.scheduleWithFixedDelay(() -> log.debug(
                "embedded store: {} longestOperation={} chunksFillRate={}% sparseChunks={} (larger than a step {}) fileUsed={}% rewrite {} shrink {}",
                committer.stats(), backend.longestOperation(), chunksFillRate(), sparseChunks(), largerSparseChunks(),
                store.getFileStore().getFillRate(), rewriteHolds.drain(), shrinkHolds.drain()), 5, 5, TimeUnit.SECONDS);
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

    /**
     * The store's commits since it opened: how many, the seconds they held the store (every server operation waits:
     * ADR 0003; for a durable append's commit only while it takes its snapshot: ADR 0025), the seconds the committer
     * waited for running operations to finish first, and the seconds durable appends' commits then serialised and
     * wrote beside server operations.
     */
    public record Commits(long count, double holdingSeconds, double waitingSeconds, double writingSeconds) {

        /** The commits between an earlier reading and this one. */
        public Commits since(Commits earlier) {
            return new Commits(count - earlier.count, holdingSeconds - earlier.holdingSeconds,
                    waitingSeconds - earlier.waitingSeconds, writingSeconds - earlier.writingSeconds);
        }
    }

    public Commits commits() {
        return committer.totals();
    }

    /**
     * Shrinks H2's page cache while a replay reads the whole log (see {@link #REPLAY_CACHE_MB}), and holds back the
     * rewrite of sparse chunks until it ends; replays may overlap.
     */
    public StoreDuringReplay.Replaying replayStarts() {
        replaysBegun.incrementAndGet();
        if (replays.getAndIncrement() == 0) {
            resizeCache(REPLAY_CACHE_MB);
        }
        AtomicBoolean ended = new AtomicBoolean();
        return () -> {
            if (ended.compareAndSet(false, true) && replays.decrementAndGet() == 0) {
                resizeCache(CACHE_MB);
            }
        };
    }

    /** How many replays of the whole log the store has been told of since it started. */
    public int replaysBegun() {
        return replaysBegun.get();
    }

    /** Steps of the rewrite of sparse chunks the housekeeper has left out because a replay ran. */
    int stepsSkippedForReplays() {
        return stepsSkippedForReplays.get();
    }

    /** The size H2's page cache has now, in MB. */
    public int pageCacheMegabytes() {
        return fileStore.getCacheSize();
    }

    private void resizeCache(int megabytes) {
        committer.exclusively(() -> {
            if (!store.isClosed()) {
                fileStore.setCacheSize(megabytes); // empties it too: the pages come back as they are read
            }
        });
        log.info("the embedded store's page cache is {} MB{}", megabytes,
                megabytes == REPLAY_CACHE_MB ? " while the event log is replayed" : "");
    }

    /** The share of live data in the store's chunks, in percent: below 90 the housekeeper is rewriting chunks. */
    public int chunksFillRate() {
        return store.getFileStore().getChunksFillRate();
    }

    /** Commits early when the changes not yet written grow past {@link #UNSAVED_LIMIT_BYTES} (a rebuild, an import). */
    private void commitIfLarge() {
        if (!store.isClosed() && store.getUnsavedMemory() > UNSAVED_LIMIT_BYTES) {
            commitQuietly();
        }
    }

    /** Warns when H2 wrote to the file outside a commit (ADR 0003 addendum); looked at with the debug line. */
    private void warnOfWritesOutsideCommits() {
        // Read beside server operations, never during a commit, whose bytes are counted only once it is done.
        storeLock.shared(() -> {
            long outside = fileStore.bytesWrittenOutsideCommits();
            if (outside > reportedOutsideCommit) {
                reportedOutsideCommit = outside;
                log.warn("embedded store: {} bytes written to the file outside a commit (H2 stored on its own)", outside);
            }
        });
    }

    private void commitQuietly() {
        try {
            committer.commitNow();
        } catch (RuntimeException e) {
            log.warn("embedded store commit failed", e);
        }
    }

    /** Bytes written to the store's file outside a commit since it was opened: 0, unless H2 stored on its own. */
    public long bytesWrittenOutsideCommits() {
        long[] outside = new long[1];
        storeLock.shared(() -> outside[0] = fileStore.bytesWrittenOutsideCommits());
        return outside[0];
    }

    /**
     * How many sparse chunks the housekeeper will still rewrite: none once the store has settled. One with more live
     * data than a step moves alone in a step of its own size (see {@link SparseChunkFileStore#prepareStep}).
     */
    public int sparseChunks() {
        return store.isClosed() || chunksFillRate() >= TARGET_FILL_RATE ? 0 : fileStore.sparseChunks(Long.MAX_VALUE);
    }

    private int largerSparseChunks() {
        return store.isClosed() ? 0 : fileStore.sparseChunks(Long.MAX_VALUE) - fileStore.sparseChunks(REWRITE_BYTES);
    }

    /**
     * With auto-commit off, H2's own background compaction never runs, and every commit leaves partly empty chunks
     * behind: measured, 100,000 events grew the file to 3.3 GB. Moving the live pages out of sparse chunks lets new
     * chunks reuse their space. The step only marks pages as changed (the next commit writes them) and H2 keeps it
     * apart from commits itself, so it takes the store's lock shared: server operations go on while it runs.
     */
    private void rewriteSparseChunks() {
        if (replays.get() > 0) {
            // A replay of the whole log rewrites the read models' pages itself and leaves new sparse chunks behind: moving
            // live pages now is work done twice, on the cores the replay needs (ADR 0023). The steps go on after it.
            stepsSkippedForReplays.incrementAndGet();
            return;
        }
        if (pausedSteps > 0) {
            pausedSteps--;
            return;
        }
        try {
            storeLock.shared(() -> rewriteHolds.time(() -> {
                if (!store.isClosed() && chunksFillRate() < TARGET_FILL_RATE) {
                    int budget = fileStore.prepareStep(REWRITE_BYTES);
                    long started = System.nanoTime();
                    store.compact(TARGET_FILL_RATE, budget);
                    if (budget > REWRITE_BYTES) {
                        long tookMillis = (System.nanoTime() - started) / 1_000_000;
                        pausedSteps = (int) (tookMillis * LARGER_STEP_PAUSE / REWRITE_MILLIS);
                    }
                }
            }));
        } catch (RuntimeException e) {
            log.warn("embedded store chunk rewrite failed", e);
        }
    }

    /**
     * Moves chunks from the end of the file into its free space and truncates it. That holds the store for hundreds
     * of milliseconds at a million events, and new chunks reuse free space anyway, so it runs only when the file is
     * mostly free space (after a projection rebuild or a large deletion of read models).
     */
    private void shrinkQuietly() {
        try {
            if (store.isClosed() || store.getFileStore().getFillRate() >= SHRINK_BELOW_USED) {
                return;
            }
            committer.exclusively(() -> shrinkHolds.time(() -> {
                if (!store.isClosed()) {
                    fileStore.committing(() -> {
                        store.commit();
                        store.compactFile(200);
                    });
                }
            }));
        } catch (RuntimeException e) {
            log.warn("embedded store compaction failed", e);
        }
    }

    @Override
    public void close() {
        // Not shutdownNow: interrupting a commit in the middle of a file write closes H2's (interruptible) file
        // channel, so the close's own commit cannot write and the changes since the last commit are lost. A run of
        // EmbeddedMongoCommitTest once found 328 of 4,000 acknowledged documents missing after a clean restart; the
        // housekeeper now commits every 100 ms under heavy writes, which made that window likely. Shutdown cancels
        // the periodic tasks and lets a running one finish.
        housekeeper.shutdown();
        try {
            if (!housekeeper.awaitTermination(60, TimeUnit.SECONDS)) {
                log.warn("embedded store housekeeper still busy after 60 s; closing anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.shutdownNow();
        committer.exclusively(() -> {
            if (!store.isClosed()) {
                store.commit();
                store.close();
            }
        });
        log.info("embedded MongoDB-wire server stopped");
    }
}
