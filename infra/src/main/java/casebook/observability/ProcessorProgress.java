package casebook.observability;

import casebook.eventstore.MongoEventStorageEngine;
import casebook.eventstore.MongoTokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

/**
 * Where each streaming processor stands against the head of the event log. Positions come from the token store
 * (every segment, whichever instance holds it), not from this instance's own processor threads, so that every
 * instance reports the same figures and a rebuild's progress is visible on any of them. Cached for a second:
 * a Prometheus scrape, health checks and progress polls then share one read of the small token collection
 * and of the sequence counter.
 */
@Component
public class ProcessorProgress {

    /**
     * One processor against the head of the log.
     *
     * @param position   the position of its least advanced segment (0 before it handled anything)
     * @param head       the number of the last stored event (numbers handed out to appends in flight, or lost with a
     *                   crashed process, are not events: see {@link MongoEventStorageEngine#lastStored})
     * @param lagEvents  head minus position: events (and numbers left unused below the head) not handled yet
     * @param lagSeconds how long ago the oldest event it has not handled was recorded; 0 when caught up
     * @param replaying  a segment is being replayed after a reset (a rebuild)
     * @param segments   each segment's position
     */
    public record Position(String processor, long position, long head, long lagEvents, double lagSeconds, boolean replaying,
                           Map<Integer, Long> segments) {
    }

    private record Cached(long takenAtNanos, Map<String, Position> positions) {
    }

    private static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private final EventProcessingConfiguration processing;
    private final MongoTokenStore tokens;
    private final MongoEventStorageEngine events;
    private final Clock clock;
    private volatile Cached cached;
    /** Processors stopped here while a full rebuild replays their events through another one, and its name. */
    private volatile Map<String, String> replayedBy = Map.of();

    public ProcessorProgress(EventProcessingConfiguration processing, MongoTokenStore tokens, MongoEventStorageEngine events,
                             Clock clock) {
        this.processing = processing;
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    /** The names of the streaming processors (one per projection package). */
    public SortedSet<String> processorNames() {
        SortedSet<String> names = new TreeSet<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor) {
                names.add(name);
            }
        });
        return names;
    }

    /**
     * Says that {@code processors} are stopped on this instance because {@code replayProcessor} replays the log for
     * them (a full rebuild, docs/adr/0021); an empty list says that it is over.
     */
    public void replayedBy(Collection<String> processors, String replayProcessor) {
        Map<String, String> now = new LinkedHashMap<>();
        processors.forEach(p -> now.put(p, replayProcessor));
        replayedBy = Collections.unmodifiableMap(now);
    }

    /** The processor replaying the log for {@code processor} while a full rebuild has it stopped. */
    public Optional<String> replayedBy(String processor) {
        return Optional.ofNullable(replayedBy.get(processor));
    }

    public Optional<StreamingEventProcessor> processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class);
    }

    /** Every streaming processor's position, at most a second old. */
    public Map<String, Position> positions() {
        Cached c = cached;
        if (c == null || System.nanoTime() - c.takenAtNanos() > FRESH_FOR.toNanos()) {
            long head = events.lastStored();
            Map<String, Position> all = new LinkedHashMap<>();
            for (String name : processorNames()) {
                all.put(name, read(name, head));
            }
            c = new Cached(System.nanoTime(), Collections.unmodifiableMap(all));
            cached = c;
        }
        return c.positions();
    }

    /** One processor's position read now, for a rebuild that waits for it. */
    public Position fresh(String processor) {
        return read(processor, events.lastStored());
    }

    private Position read(String processor, long head) {
        Map<Integer, Long> segments = new LinkedHashMap<>();
        boolean replaying = false;
        for (Map.Entry<Integer, TrackingToken> e : tokens.peekTokens(processor).entrySet()) {
            TrackingToken token = e.getValue();
            segments.put(e.getKey(), token == null ? 0L : token.position().orElse(0L));
            replaying |= token instanceof ReplayToken;
        }
        long position = segments.values().stream().mapToLong(Long::longValue).min().orElse(0L);
        long lag = Math.max(0, head - position);
        double lagSeconds = 0;
        if (lag > 0) {
            Optional<Instant> oldest = events.firstRecordedAfter(position);
            lagSeconds = oldest.map(at -> Math.max(0, Duration.between(at, clock.instant()).toMillis() / 1000.0)).orElse(0.0);
        }
        return new Position(processor, position, head, lag, lagSeconds, replaying, Collections.unmodifiableMap(segments));
    }
}
