package casebook.axon;

import casebook.eventstore.MongoTokenStore;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for people: a command's answer waits (briefly) until the projections have stored a
 * token past the command's event, so the officer's next screen shows what they just recorded. The
 * wait is bounded; projections are eventually consistent either way.
 */
@Component
public class ProjectionBarrier implements MongoTokenStore.ProgressListener {

    /** The processing groups whose views a person reads right after a command. */
    static final Set<String> READ_MODELS = Set.copyOf(ProcessingGroups.ALL);

    private final Map<String, Long> positions = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();
    private final Duration maxWait;

    public ProjectionBarrier(MongoTokenStore tokenStore, @Value("${casebook.projection-wait:2s}") Duration maxWait) {
        this.maxWait = maxWait;
        tokenStore.addListener(this);
    }

    @Override
    public void tokenStored(String processorName, int segment, TrackingToken token) {
        if (token == null || token.position().isEmpty() || !READ_MODELS.contains(processorName)) {
            return;
        }
        // One segment per processor today; with more, a segment's position still covers the events it skipped.
        positions.merge(processorName + ":" + segment, token.position().getAsLong(), Math::max);
        lock.lock();
        try {
            advanced.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every read model has passed {@code globalSequence}; returns false on time-out. */
    public boolean awaitProjections(long globalSequence) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        lock.lock();
        try {
            while (!reached(globalSequence)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                advanced.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private boolean reached(long globalSequence) {
        for (String group : READ_MODELS) {
            boolean any = false;
            for (Map.Entry<String, Long> e : positions.entrySet()) {
                if (e.getKey().startsWith(group + ":")) {
                    any = true;
                    if (e.getValue() < globalSequence) {
                        return false;
                    }
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }
}
