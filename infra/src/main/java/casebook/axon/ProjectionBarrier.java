package casebook.axon;

import casebook.eventstore.MongoTokenStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for people: a command's answer waits (briefly) until the projections have stored a
 * token past the command's event, so the officer's next screen shows what they just recorded. The
 * wait is bounded; projections are eventually consistent either way.
 * <p>
 * Each processor is split into segments by case (ADR 0009), so a command waits only for the segment that holds
 * its case, in each read model. The segment may be processed by this instance (its token writes are heard at
 * once) or by another one sharing the database: then its position is read from the token store, at most every
 * {@value #PEEK_MILLIS} ms while someone waits. A wait first wakes this instance's processors, which otherwise look
 * for new events only every {@code casebook.event-poll} ({@link PolledEventSource}).
 */
@Component
public class ProjectionBarrier implements MongoTokenStore.ProgressListener {

    /** The processing groups whose views a person reads right after a command. */
    static final Set<String> READ_MODELS = Set.copyOf(ProcessingGroups.ALL);
    private static final long PEEK_MILLIS = 50;

    private final MongoTokenStore tokenStore;
    /** processor → segment id → position of its last stored token (-1: none yet). */
    private final Map<String, Map<Integer, Long>> positions = new ConcurrentHashMap<>();
    /** processor → all its segment ids, as last read from the token store. */
    private final Map<String, int[]> segmentIds = new ConcurrentHashMap<>();
    private final AtomicLong nextPeek = new AtomicLong(Long.MIN_VALUE);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();
    private final Duration maxWait;
    /** Makes this instance's processors look for new events now rather than at their next poll. */
    private final Runnable wakeProcessors;

    @Autowired
    public ProjectionBarrier(MongoTokenStore tokenStore, PolledEventSource eventSource,
                             @Value("${casebook.projection-wait:2s}") Duration maxWait) {
        this(tokenStore, eventSource::lookNow, maxWait);
    }

    ProjectionBarrier(MongoTokenStore tokenStore, Runnable wakeProcessors, Duration maxWait) {
        this.tokenStore = tokenStore;
        this.wakeProcessors = wakeProcessors;
        this.maxWait = maxWait;
        tokenStore.addListener(this);
    }

    @Override
    public void tokenStored(String processorName, int segment, TrackingToken token) {
        if (!READ_MODELS.contains(processorName)) {
            return;
        }
        // The latest stored token is the segment's position: after a rebuild it starts again from the beginning.
        positions.computeIfAbsent(processorName, p -> new ConcurrentHashMap<>()).put(segment, position(token));
        lock.lock();
        try {
            advanced.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every read model has passed {@code globalSequence} in every segment; false on time-out. */
    public boolean awaitProjections(long globalSequence) {
        return await(null, globalSequence);
    }

    /** Waits until every read model has passed {@code globalSequence} in the segment of {@code caseId}; false on time-out. */
    public boolean awaitProjections(String caseId, long globalSequence) {
        return await(caseId, globalSequence);
    }

    private boolean await(String caseId, long globalSequence) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        if (!maxWait.isZero() && !maxWait.isNegative() && !reachedNow(caseId, globalSequence)) {
            wakeProcessors.run();
        }
        boolean waited = false;
        while (true) {
            lock.lock();
            try {
                if (reached(caseId, globalSequence)) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                if (waited || !segmentIds.keySet().containsAll(READ_MODELS)) {
                    waited = false;
                } else {
                    // This instance's own token writes wake us; another instance's are found by the peek below.
                    advanced.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(PEEK_MILLIS)), TimeUnit.NANOSECONDS);
                    waited = true;
                    continue;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                lock.unlock();
            }
            peekIfDue();
        }
    }

    private boolean reachedNow(String caseId, long globalSequence) {
        lock.lock();
        try {
            return reached(caseId, globalSequence);
        } finally {
            lock.unlock();
        }
    }

    /** One waiting thread at a time reads the token store, at most every PEEK_MILLIS, for all of them. */
    private void peekIfDue() {
        long now = System.nanoTime();
        long due = nextPeek.get();
        if ((due == Long.MIN_VALUE || now - due >= 0)
                && nextPeek.compareAndSet(due, now + TimeUnit.MILLISECONDS.toNanos(PEEK_MILLIS))) {
            peek();
        }
    }

    /** The positions of every segment, whoever processes it; also learns the segments themselves. */
    private void peek() {
        for (String group : READ_MODELS) {
            Map<Integer, TrackingToken> stored = tokenStore.peekTokens(group);
            segmentIds.put(group, stored.keySet().stream().mapToInt(Integer::intValue).sorted().toArray());
            Map<Integer, Long> known = positions.computeIfAbsent(group, p -> new ConcurrentHashMap<>());
            stored.forEach((segment, token) -> known.put(segment, position(token)));
        }
    }

    private boolean reached(String caseId, long globalSequence) {
        for (String group : READ_MODELS) {
            int[] ids = segmentIds.get(group);
            Map<Integer, Long> known = positions.get(group);
            if (ids == null || ids.length == 0 || known == null) {
                return false;
            }
            for (int id : ids) {
                // Axon assigns a case's events to the segment that matches the hash of the case id (sequencing per aggregate).
                if (caseId == null || Segment.computeSegment(id, ids).matches(caseId)) {
                    if (known.getOrDefault(id, -1L) < globalSequence) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    @Override
    public String toString() {
        return "ProjectionBarrier" + positions + " segments " + segmentIds.entrySet().stream()
                .map(e -> e.getKey() + "=" + Arrays.toString(e.getValue())).toList();
    }
}
