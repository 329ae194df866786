package casebook.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

/** A stream's batches far from the head are read one ahead; near the head, only when asked for. */
class SharedReplayTest {

    /** A log of {@code head} events read two at a time: full windows are settled, the one reaching the head not. */
    private static Function<TrackingToken, SharedReplay.Batch> log(long head, List<String> fetchedBy, long signalAfter,
                                                                 CountDownLatch signal) {
        return token -> {
            long after = token == null ? -1 : ((GapAwareTrackingToken) token).getIndex();
            fetchedBy.add(Thread.currentThread().getName());
            if (after == signalAfter) {
                signal.countDown();
            }
            List<TrackedEventMessage<?>> events = LongStream.rangeClosed(after + 1, Math.min(after + 2, head - 1))
                    .<TrackedEventMessage<?>>mapToObj(i -> new GenericTrackedEventMessage<>(
                            GapAwareTrackingToken.newInstance(i, List.of()), GenericEventMessage.asEventMessage("event " + i)))
                    .toList();
            TrackingToken last = events.isEmpty() ? token : events.get(events.size() - 1).trackingToken();
            return new SharedReplay.Batch(events, last, events.size(), events.size() == 2);
        };
    }

    @Test
    void theNextSettledBatchIsReadWhileTheCurrentOneIsHandledOut() throws Exception {
        SharedReplay replay = new SharedReplay(10, new SimpleMeterRegistry());
        List<String> fetchedBy = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch secondAskedFor = new CountDownLatch(1);
        List<Object> payloads = new ArrayList<>();

        try (Stream<TrackedEventMessage<?>> stream = replay.stream(null, log(5, fetchedBy, 1, secondAskedFor))) {
            Iterator<TrackedEventMessage<?>> events = stream.iterator();
            payloads.add(events.next().getPayload());
            // Only the first event has been taken, and the batch after the first is already being read.
            assertThat(secondAskedFor.await(10, TimeUnit.SECONDS)).isTrue();
            events.forEachRemaining(e -> payloads.add(e.getPayload()));
        }

        assertThat(payloads).containsExactly("event 0", "event 1", "event 2", "event 3", "event 4");
        // The first batch read where the stream was asked; the two settled batches' successors read ahead; the
        // short batch at the head was not followed by an early read: the stream asked for what came after it.
        assertThat(fetchedBy).containsExactly(Thread.currentThread().getName(), "casebook-event-read-ahead",
                "casebook-event-read-ahead", Thread.currentThread().getName());
    }
}
