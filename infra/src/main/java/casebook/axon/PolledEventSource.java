package casebook.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event source of the projection processors: Axon's event store, whose streams also tell a processor when to
 * look again. Axon's pooled processor waits for a stream's "available" call-back and, for a stream without one
 * (the embedded event store's), looks again only every 500 ms. Measured with three instances: a command answered
 * on one instance reached the read models kept by another 0.5 s later at the median, so the next screen,
 * possibly served by that other instance, waited for it. Here the call-back fires every
 * {@code casebook.event-poll}: the processor then asks the event store, which answers from memory (its own
 * reader polls the database at the same interval and is woken at once by this instance's appends).
 * <p>
 * A command whose answer waits for its projections (ADR 0004) does not wait for that tick: {@link #lookNow()} fires
 * every open stream's call-back at once, and the stream's next look waits briefly for the event store's reader to
 * bring the command's events in. With the tick alone every such command waited 100 ms at the median. Only a waiting
 * command wakes the processors: woken on every append, they processed each event alone instead of in batches, and
 * the commands of the benchmark's load (which do not wait) ran a third slower.
 */
public final class PolledEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    /** How long a look just after an append waits for the event store's reader to bring the new events in. */
    static final long WAKE_WAIT_MILLIS = 50;

    private final StreamableMessageSource<TrackedEventMessage<?>> eventStore;
    private final long pollMillis;
    private final Set<PolledStream> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "casebook-event-poll");
        t.setDaemon(true);
        return t;
    });

    public PolledEventSource(StreamableMessageSource<TrackedEventMessage<?>> eventStore, Duration poll) {
        this.eventStore = eventStore;
        this.pollMillis = Math.max(10, poll.toMillis());
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        PolledStream stream = new PolledStream(eventStore.openStream(trackingToken));
        open.add(stream);
        return stream;
    }

    /** Someone waits for events this instance has appended: every open stream looks now, not at its next poll. */
    public void lookNow() {
        for (PolledStream stream : open) {
            stream.wake();
        }
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return eventStore.createTokenSince(duration);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    private final class PolledStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private volatile ScheduledFuture<?> reminder;
        private volatile Runnable callback;
        /** Set by {@link #lookNow}, cleared by the next look: that look may wait for the event store's reader. */
        private volatile boolean woken;

        PolledStream(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean hasNextAvailable() {
            if (stream.hasNextAvailable()) {
                return true;
            }
            if (!woken) {
                return false;
            }
            woken = false;
            try {
                return stream.hasNextAvailable((int) WAKE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        void wake() {
            woken = true;
            Runnable c = callback;
            if (c != null) {
                try {
                    ticker.execute(c);
                } catch (RejectedExecutionException closing) {
                    // the source is closing: nobody is waiting for this look
                }
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            ScheduledFuture<?> previous = reminder;
            if (previous != null) {
                previous.cancel(false);
            }
            // A look at an empty stream is a check of the event store's in-memory cache: cheap enough to do often.
            reminder = ticker.scheduleWithFixedDelay(callback, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
            this.callback = callback;
            return true;
        }

        @Override
        public void close() {
            ScheduledFuture<?> r = reminder;
            if (r != null) {
                r.cancel(false);
            }
            open.remove(this);
            stream.close();
        }
    }
}
