package casebook.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

class PolledEventSourceTest {

    /** An event store's stream that has nothing yet; counts the looks that may wait for its reader. */
    private static final class EmptyStream implements BlockingStream<TrackedEventMessage<?>> {
        final AtomicInteger waitingLooks = new AtomicInteger();
        volatile boolean arrivesWhileWaiting = true;

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.empty();
        }

        @Override
        public boolean hasNextAvailable() {
            return false;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            waitingLooks.incrementAndGet();
            return arrivesWhileWaiting;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            throw new IllegalStateException("empty");
        }

        @Override
        public void close() {
        }
    }

    @Test
    void anAppendOfThisInstanceFiresTheCallBackAtOnceNotAtTheNextPoll() throws InterruptedException {
        try (PolledEventSource source = new PolledEventSource(token -> new EmptyStream(), Duration.ofHours(1))) {
            BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
            CountDownLatch looked = new CountDownLatch(1);
            assertThat(stream.setOnAvailableCallback(looked::countDown)).isTrue();

            source.lookNow();

            assertThat(looked.await(30, TimeUnit.SECONDS)).as("called back long before the hourly poll").isTrue();
        }
    }

    @Test
    void onlyTheFirstLookAfterAnAppendWaitsForTheEventStoresReader() {
        EmptyStream inner = new EmptyStream();
        try (PolledEventSource source = new PolledEventSource(token -> inner, Duration.ofHours(1))) {
            BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);

            assertThat(stream.hasNextAvailable()).as("no append: the look does not wait").isFalse();
            assertThat(inner.waitingLooks).hasValue(0);

            source.lookNow();
            assertThat(stream.hasNextAvailable()).as("the appended event, brought in meanwhile").isTrue();
            assertThat(inner.waitingLooks).hasValue(1);

            inner.arrivesWhileWaiting = false;
            assertThat(stream.hasNextAvailable()).isFalse();
            assertThat(inner.waitingLooks).as("the append was looked for once").hasValue(1);
        }
    }

    @Test
    void aClosedStreamIsNoLongerWoken() {
        EmptyStream inner = new EmptyStream();
        try (PolledEventSource source = new PolledEventSource(token -> inner, Duration.ofHours(1))) {
            BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
            stream.close();
            source.lookNow();
            assertThat(stream.hasNextAvailable()).isFalse();
            assertThat(inner.waitingLooks).hasValue(0);
        }
    }
}
