package casebook.eventstore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

/**
 * The batches of the event log that several processors replay, read and deserialised once for all of them.
 * <p>
 * A rebuild starts the four projection processors from the first event at once; each used to read the whole log
 * on its own stream, so the store encoded every event four times, the driver decoded it four times and Jackson
 * read its payload and metadata four times (a fifth of a rebuild's CPU in a profile at 100k events). Streams that
 * start from the same token ask for the same batches in the same order, and a batch that is {@linkplain
 * Batch#settled settled} (a full window of consecutive events after a token without gaps) has one content for
 * every reader, now and later: events are never changed. Such a batch is kept for the next readers of the same
 * token, as Axon's messages whose payload is deserialised on first use and then held, so a processor that follows
 * another takes its events from memory. Batches near the head (short, or after a gap) are read for each stream,
 * as before: their content still changes, and live processors share Axon's own cache of the tail anyway.
 * <p>
 * The {@code capacity} furthest settled batches are kept: the leading processor's, for those that follow it. One
 * that falls further behind reads from the store again without displacing them (both counted as {@code
 * casebook.events.replay.batches}, by source).
 * <p>
 * Batches are kept only while two or more streams are open. A full rebuild replays through one processor (ADR 0021)
 * with the projection processors stopped: alone, its stream would only hold every event some two seconds longer,
 * long enough for the garbage collector to promote a million events it then has to mark and collect from the old
 * generation (at a million events that was the larger part of the rebuild's collection work, ADR 0023).
 */
final class SharedReplay {

    /**
     * One fetch: the messages after a token (fewer than were read when an upcaster drops some), the raw token of
     * the last event read (where the next fetch starts), how many were read, and whether the content is final.
     */
    record Batch(List<TrackedEventMessage<?>> messages, TrackingToken last, int read, boolean settled) {
    }

    /** The key of the batch at the start of the log (read after no token). */
    private static final long TAIL = -1;

    private final int capacity;
    /** By the position the batch follows: the lowest are dropped first, as the readers have passed them. */
    private final ConcurrentSkipListMap<Long, CompletableFuture<Batch>> kept = new ConcurrentSkipListMap<>();
    private final Counter fromStore;
    private final Counter shared;
    /** The streams open now: with fewer than two, nobody could take a kept batch. */
    private final AtomicInteger readers = new AtomicInteger();

    SharedReplay(int capacity, MeterRegistry meters) {
        this.capacity = capacity;
        this.fromStore = Counter.builder("casebook.events.replay.batches").tag("source", "store")
                .description("Settled batches of the event log streamed to processors, by where they came from")
                .register(meters);
        this.shared = Counter.builder("casebook.events.replay.batches").tag("source", "shared").register(meters);
    }

    /** A stream of every event after {@code from}, fetched batch by batch until a fetch finds nothing. */
    Stream<TrackedEventMessage<?>> stream(TrackingToken from, Function<TrackingToken, Batch> fetch) {
        Spliterator<TrackedEventMessage<?>> batches = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.NONNULL | Spliterator.ORDERED | Spliterator.DISTINCT) {
            private TrackingToken last = from;
            private Iterator<TrackedEventMessage<?>> current = List.<TrackedEventMessage<?>>of().iterator();
            private boolean exhausted;

            @Override
            public boolean tryAdvance(Consumer<? super TrackedEventMessage<?>> action) {
                while (!current.hasNext()) {
                    if (exhausted) {
                        return false;
                    }
                    Batch batch = batchAfter(last, fetch);
                    if (batch.read() == 0) {
                        exhausted = true;
                        return false;
                    }
                    last = batch.last();
                    current = batch.messages().iterator();
                }
                action.accept(current.next());
                return true;
            }
        };
        readers.incrementAndGet();
        return StreamSupport.stream(batches, false).onClose(readers::decrementAndGet);
    }

    /** The batch after {@code token}: a kept one, one another reader is fetching now, or a new fetch. */
    Batch batchAfter(TrackingToken token, Function<TrackingToken, Batch> fetch) {
        Long key = key(token);
        if (key == null || capacity <= 0) {
            return fetch.apply(token);
        }
        if (readers.get() < 2) {
            kept.clear(); // kept for a reader that has closed its stream since
            Batch batch = fetch.apply(token);
            if (batch.settled()) {
                fromStore.increment();
            }
            return batch;
        }
        Map.Entry<Long, CompletableFuture<Batch>> first = kept.firstEntry();
        if (first != null && key < first.getKey() && kept.size() >= capacity) {
            // Behind every kept batch: the others are ahead and will not need this one again; keep theirs.
            Batch batch = fetch.apply(token);
            if (batch.settled()) {
                fromStore.increment();
            }
            return batch;
        }
        CompletableFuture<Batch> mine = new CompletableFuture<>();
        CompletableFuture<Batch> theirs = kept.putIfAbsent(key, mine);
        if (theirs != null) {
            Batch batch = theirs.join(); // null when their fetch failed
            if (batch != null && batch.settled()) {
                shared.increment();
                return batch;
            }
            // Their fetch failed or found the log still moving there: read it ourselves.
            return fetch.apply(token);
        }
        Batch batch;
        try {
            batch = fetch.apply(token);
        } catch (RuntimeException | Error e) {
            kept.remove(key, mine);
            mine.complete(null);
            throw e;
        }
        mine.complete(batch);
        if (!batch.settled()) {
            kept.remove(key, mine);
            return batch;
        }
        fromStore.increment();
        while (kept.size() > capacity) {
            kept.pollFirstEntry();
        }
        return batch;
    }

    /** Only a token without gaps (or the start) leads to a batch whose content cannot change. */
    private static Long key(TrackingToken token) {
        if (token == null) {
            return TAIL;
        }
        if (token instanceof GapAwareTrackingToken gapAware && !gapAware.hasGaps()) {
            return gapAware.getIndex();
        }
        return null;
    }
}
