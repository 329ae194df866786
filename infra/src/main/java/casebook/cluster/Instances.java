package casebook.cluster;

import casebook.eventstore.MongoTokenStore;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Casebook instances that share one database, each known by a heartbeat document in {@code instances}, and
 * the fair share of each processor's segments that one instance claims: the segments divided by the live
 * instances (see {@link #share}). Without a share the first instance to start would hold every segment and the others
 * would only stand by; with it, an instance that sees a newcomer releases its surplus segments (Axon's pooled
 * processor does so when its maximum falls) and the newcomer claims them. An instance whose heartbeat is older
 * than the token claim timeout is gone: its claims expire at the same moment and the survivors' shares grow.
 */
public final class Instances implements MaxSegmentProvider, AutoCloseable {

    static final String COLLECTION = "instances";
    private static final Logger log = LoggerFactory.getLogger(Instances.class);

    private final MongoCollection<Document> docs;
    private final MongoTokenStore tokenStore;
    private final String nodeId;
    private final String incarnation = UUID.randomUUID().toString();
    private final Duration timeout;
    private final Clock clock;
    private final Instant startedAt;
    private final Map<String, Integer> segmentCounts = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat;
    private volatile List<String> live = List.of();

    /**
     * @param timeout the token claim timeout: a heartbeat older than this marks an instance as gone; heartbeats are
     *                sent five times per timeout
     */
    public Instances(MongoDatabase database, MongoTokenStore tokenStore, String nodeId, Duration timeout, Clock clock) {
        this.docs = database.getCollection(COLLECTION);
        this.tokenStore = tokenStore;
        this.nodeId = nodeId;
        this.timeout = timeout;
        this.clock = clock;
        this.startedAt = clock.instant();
        awaitNodeIdFree();
        beat();
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "casebook-instance-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, timeout.toMillis() / 5);
        heartbeat.scheduleWithFixedDelay(this::beatQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** The node id of this instance: the owner name of its segment claims. */
    public String nodeId() {
        return nodeId;
    }

    /** The node ids of the live instances, this one included, as of the last heartbeat. */
    public List<String> live() {
        return live;
    }

    /** Axon asks, per processor, how many segments this instance may hold. */
    @Override
    public int getMaxSegments(String processorName) {
        Integer segments = segmentCounts.computeIfAbsent(processorName, this::countSegments);
        if (segments == 0) {
            segmentCounts.remove(processorName); // not initialised yet: ask the token store again next time
            return Short.MAX_VALUE;
        }
        List<String> instances = live;
        return share(segments, Math.max(1, instances.size()), Math.max(0, instances.indexOf(nodeId)));
    }

    /**
     * Segments divided by instances; the remainder goes to the first instances in node-id order. The shares add up
     * to exactly the segments, so an instance holding more than its share releases it to one holding less (with
     * shares rounded up for all, 4 segments over 3 instances could stay at 2, 2 and 0). Never below one: Axon
     * refuses a maximum of zero, and with more instances than segments the extra ones simply find none free.
     */
    static int share(int segments, int instances, int rank) {
        return Math.max(1, segments / instances + (rank < segments % instances ? 1 : 0));
    }

    private int countSegments(String processorName) {
        return tokenStore.fetchSegments(processorName).length;
    }

    /**
     * A node id is an owner name in the token store: two live processes with the same id would both think they
     * hold the same segments. A restart under the same id waits until the old incarnation's heartbeat expires;
     * if it goes on beating, another live process has the id and this one refuses to start.
     */
    private void awaitNodeIdFree() {
        long deadline = System.nanoTime() + timeout.multipliedBy(2).toNanos();
        while (true) {
            Document other = docs.find(new Document("_id", nodeId)).first();
            if (other == null || incarnation.equals(other.getString("incarnation")) || !isLive(other)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("another live Casebook instance uses the node id " + nodeId
                        + " (CASEBOOK_NODE_ID); every instance needs its own");
            }
            log.warn("node id {} was in use {} ago; waiting for that instance's claims to expire", nodeId,
                    Duration.ofMillis(clock.millis() - heartbeatOf(other)));
            try {
                Thread.sleep(Math.max(100, timeout.toMillis() / 5)); // waiting for a clock-based expiry, not for a thread
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for node id " + nodeId, e);
            }
        }
    }

    private void beatQuietly() {
        try {
            beat();
        } catch (RuntimeException e) {
            log.warn("instance heartbeat failed; retrying", e);
        }
    }

    private void beat() {
        docs.replaceOne(new Document("_id", nodeId), new Document("_id", nodeId).append("incarnation", incarnation)
                .append("host", host()).append("pid", ProcessHandle.current().pid())
                .append("startedAt", startedAt.toString()).append("heartbeatAt", clock.millis()), new ReplaceOptions().upsert(true));
        List<String> now = new ArrayList<>();
        for (Document d : docs.find()) {
            if (isLive(d)) {
                now.add(d.getString("_id"));
            }
        }
        now.sort(null);
        if (!now.equals(live)) {
            log.info("Casebook instances sharing this database: {} (this one: {})", now, nodeId);
        }
        live = List.copyOf(now);
        segmentCounts.replaceAll((processor, count) -> countSegments(processor));
    }

    private boolean isLive(Document d) {
        return heartbeatOf(d) >= clock.millis() - timeout.toMillis();
    }

    private static long heartbeatOf(Document d) {
        Number n = d.get("heartbeatAt", Number.class);
        return n == null ? 0 : n.longValue();
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    /** A stopping instance leaves at once, so the others take its share without waiting for the timeout. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            docs.deleteOne(new Document("_id", nodeId).append("incarnation", incarnation));
        } catch (RuntimeException e) {
            log.debug("could not remove the instance document on shutdown", e);
        }
    }

    /** The default node id: the process's runtime name, pid@host, unique among running processes. */
    public static String defaultNodeId() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }
}
