package casebook.readmodel;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;

/**
 * During a replay (a rebuild), a projection's changed cases stay in memory from batch to batch and are written when
 * they are pushed out or at a checkpoint, not after every batch (docs/adr/0020). A catching-up processor's batch is
 * what happened to be queued, a few dozen events, and a case's events span several batches: writing each case once
 * per batch wrote its document, its row and its bucket's stamp again and again.
 *
 * <p>What makes it safe is the token: while a segment keeps unwritten cases, the token store does not move the
 * segment's token on ({@link #mayStore} answers false, and the store only extends its claim). It moves at a checkpoint:
 * every {@code checkpointEvents} positions of the log, when the replay has caught up, or at the first event that is not
 * a replay, each after writing every kept case. So the stored token never passes a change that is only in memory: a
 * crash, a lost claim or a failed batch goes back to the last checkpoint and replays from there, and the projections
 * skip what a pushed-out case already holds (each case document carries its version).
 *
 * <p>One instance per application, shared by the projections' {@link EndOfBatch} and the token store.
 */
public final class ReplayCheckpoints {

    /** The batch resource under which a replaying batch finds its segment. */
    static final String RESOURCE = ReplayCheckpoints.class.getName() + ".segment";
    private static final String SEGMENT_KEY_START = "Processor[";
    private static final String SEGMENT_KEY_END = "]/SegmentId";

    private final long checkpointEvents;
    private final Map<String, SegmentReplay> segments = new ConcurrentHashMap<>();
    /** Segments whose batches up to this position run without keeping, after an event failed in a kept one. */
    private final Map<String, Long> keepingOffUntil = new ConcurrentHashMap<>();
    /** Processors whose every segment replays several of the projections' segments, and how many. */
    private final Map<String, Integer> spans = new ConcurrentHashMap<>();
    /** Processors replaying onto read models emptied for them ({@link #replaysOntoEmpty}). */
    private final Set<String> ontoEmpty = ConcurrentHashMap.newKeySet();
    /** Their segments already claimed once in that replay: a second claim may find what the first one wrote. */
    private final Set<String> claimedOntoEmpty = ConcurrentHashMap.newKeySet();

    /** @param checkpointEvents positions of the log between checkpoints; 0 turns keeping off */
    public ReplayCheckpoints(long checkpointEvents) {
        this.checkpointEvents = checkpointEvents;
    }

    /** Every batch written at its end, as without a replay. */
    public static ReplayCheckpoints off() {
        return new ReplayCheckpoints(0);
    }

    public boolean enabled() {
        return checkpointEvents > 0;
    }

    /**
     * Says that each segment of {@code processor} replays {@code projectionSegments} of the projection processors'
     * segments (a full rebuild on half as many segments, ADR 0023 addendum): it keeps that many times the cases a
     * projection keeps in one segment, as many as the projections' own segments would keep together.
     */
    public void segmentsSpan(String processor, int projectionSegments) {
        spans.put(processor, Math.max(1, projectionSegments));
    }

    /**
     * Says that {@code processor} replays the log from its first event onto read models just emptied for it (a full
     * rebuild, or the replay of a restored log): each of its segments' first claim at the start then knows that the
     * database holds only the cases it writes itself, and does not ask for the others (ADR 0024). Until
     * {@link #replayEnded}.
     */
    public void replaysOntoEmpty(String processor) {
        claimedOntoEmpty.removeIf(key -> processorOf(key).equals(processor));
        ontoEmpty.add(processor);
    }

    public void replayEnded(String processor) {
        ontoEmpty.remove(processor);
        claimedOntoEmpty.removeIf(key -> processorOf(key).equals(processor));
    }

    private SegmentReplay segmentReplay(String key, long checkpoint, boolean ontoEmptyReadModels) {
        return new SegmentReplay(checkpoint, spans.getOrDefault(processorOf(key), 1), ontoEmptyReadModels);
    }

    /** Cases kept unwritten in all segments now (a gauge). */
    public int keptCases() {
        return segments.values().stream().mapToInt(SegmentReplay::keptCases).sum();
    }

    /**
     * At a batch's first event: a batch whose every event is a replay keeps its cases (its segment is put in the
     * batch's resources). Any other batch writes as usual; the database must then hold its segment's kept cases
     * first, as its reads and its put-back of a failed case go to the database.
     */
    void begin(BatchingUnitOfWork<?> batch) {
        String key = enabled() ? segmentOf(batch) : null;
        if (key == null) {
            return;
        }
        List<? extends Message<?>> messages = batch.getMessages();
        long first = position(messages.get(0));
        long last = position(messages.get(messages.size() - 1));
        Long off = keepingOffUntil.get(key);
        if (off != null && first > off) {
            keepingOffUntil.remove(key);
            off = null;
        }
        boolean replay = messages.stream().allMatch(ReplayToken::isReplay);
        if (!replay || off != null) {
            SegmentReplay kept = segments.get(key);
            if (kept != null) {
                kept.mayHoldAnyCase(); // this batch writes what it changes, and not through the kept cases
                if (!kept.isEmpty()) {
                    kept.writeAll();
                }
            }
            return;
        }
        SegmentReplay segment = segments.computeIfAbsent(key, k -> segmentReplay(k, first - 1, false));
        segment.batchEndsAt(last);
        batch.resources().put(RESOURCE, segment);
        batch.onRollback(u -> rolledBack(key, segment));
    }

    /** After the batch's writes: a batch in which an event failed while its case was kept fails as a whole. */
    void end(BatchingUnitOfWork<?> batch) {
        SegmentReplay segment = batch.getResource(RESOURCE);
        RuntimeException failure = segment == null ? null : segment.failure();
        if (failure != null) {
            throw new IllegalStateException("an event failed during the replay while its case was kept in memory; "
                    + "the segment goes back to its last checkpoint (position " + segment.checkpoint()
                    + ") and replays without keeping up to position " + segment.batchEnd(), failure);
        }
    }

    private void rolledBack(String key, SegmentReplay segment) {
        if (segment.failure() != null) {
            keepingOffUntil.put(key, segment.batchEnd());
        }
        segment.discard();
        // Whatever failed, the retry asks the database again: should a case this segment never wrote be there after
        // all (a read model not emptied as promised), its guarded write fails each time it assumes otherwise.
        segment.mayHoldAnyCase();
    }

    /**
     * Asked by the token store before it stores a segment's token: false while the segment keeps cases and no
     * checkpoint is due (the store then only extends its claim); at a checkpoint, every kept case is written first.
     */
    public boolean mayStore(String processor, int segmentId, TrackingToken token) {
        SegmentReplay segment = segments.get(key(processor, segmentId));
        if (segment == null) {
            return true;
        }
        long position = position(token);
        if (!segment.isEmpty()) {
            boolean due = !ReplayToken.isReplay(token) || caughtUp(token)
                    || position - segment.checkpoint() >= checkpointEvents;
            if (!due) {
                return false;
            }
            segment.writeAll();
        }
        segment.checkpointAt(position);
        return true;
    }

    /** The token store claimed the segment at {@code token}: it starts from there, with nothing kept. */
    public void claimed(String processor, int segmentId, TrackingToken token) {
        if (enabled()) {
            released(processor, segmentId);
            String key = key(processor, segmentId);
            boolean empty = ontoEmpty.contains(processor) && atStart(token) && claimedOntoEmpty.add(key);
            segments.put(key, segmentReplay(key, position(token), empty));
        }
    }

    /** The segment is no longer this instance's: what it kept comes back from the last checkpoint, wherever it goes. */
    public void released(String processor, int segmentId) {
        SegmentReplay segment = segments.remove(key(processor, segmentId));
        if (segment != null) {
            segment.discard();
        }
    }

    /** A token before the first event: none, or a replay that has replayed nothing yet. */
    private static boolean atStart(TrackingToken token) {
        return token == null || token instanceof ReplayToken replay && replay.getCurrentToken() == null;
    }

    private static boolean caughtUp(TrackingToken token) {
        return WrappedToken.unwrap(token, ReplayToken.class)
                .map(r -> r.getCurrentToken() != null
                        && r.getCurrentToken().covers(WrappedToken.unwrapUpperBound(r.getTokenAtReset())))
                .orElse(true);
    }

    private static String segmentOf(BatchingUnitOfWork<?> batch) {
        for (Map.Entry<String, Object> resource : batch.resources().entrySet()) {
            String name = resource.getKey();
            if (name.startsWith(SEGMENT_KEY_START) && name.endsWith(SEGMENT_KEY_END)
                    && resource.getValue() instanceof Integer segment) {
                return key(name.substring(SEGMENT_KEY_START.length(), name.length() - SEGMENT_KEY_END.length()), segment);
            }
        }
        return null;
    }

    private static String key(String processor, int segment) {
        return processor + ":" + segment;
    }

    private static String processorOf(String key) {
        return key.substring(0, key.lastIndexOf(':'));
    }

    private static long position(Message<?> message) {
        return message instanceof TrackedEventMessage<?> tracked ? position(tracked.trackingToken()) : -1;
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
