package casebook.readmodel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One processor segment during a replay: the cases its projections changed and keep unwritten ({@link KeptCases},
 * one per projection), and the position of its last checkpoint, the token the token store holds. Used by the
 * segment's batches one at a time, and by the token store when the segment is claimed, stored or released.
 */
public final class SegmentReplay {

    private final Map<String, KeptCases<?>> projections = new LinkedHashMap<>();
    private long checkpoint;
    /** The position of the current batch's last event. */
    private long batchEnd;
    private RuntimeException failure;

    /** How many of the projections' segments this segment replays: its kept capacity is that many times theirs. */
    private final int span;
    /**
     * The read models were emptied for this replay and the segment starts at the first event: until it writes outside
     * its kept cases, the database holds only the cases it wrote ({@link KeptCases#mayBeStored}).
     */
    private boolean ontoEmpty;

    SegmentReplay(long checkpoint, int span, boolean ontoEmpty) {
        this.checkpoint = checkpoint;
        this.span = span;
        this.ontoEmpty = ontoEmpty;
    }

    /**
     * The kept cases of one projection (created on first use), with the writer of the batch now running; up to
     * {@code capacity} cases for each projection segment this segment replays.
     */
    @SuppressWarnings("unchecked")
    synchronized <S> KeptCases<S> kept(String projection, int capacity, Consumer<List<S>> writer) {
        KeptCases<S> kept = (KeptCases<S>) projections.computeIfAbsent(projection,
                p -> new KeptCases<>(capacity * span, writer, ontoEmpty));
        kept.writer(writer);
        return kept;
    }

    synchronized boolean isEmpty() {
        return projections.values().stream().allMatch(k -> k.size() == 0);
    }

    synchronized int keptCases() {
        return projections.values().stream().mapToInt(KeptCases::size).sum();
    }

    /** Writes every projection's kept cases, in the order the projections joined. */
    synchronized void writeAll() {
        projections.values().forEach(KeptCases::writeAll);
    }

    /**
     * The segment wrote, or may have written, cases not through its kept ones (a batch without keeping, or one rolled
     * back): from now on its projections ask the database for every case they do not keep.
     */
    synchronized void mayHoldAnyCase() {
        ontoEmpty = false;
        projections.values().forEach(KeptCases::forgetWritten);
    }

    /** Forgets every kept case and the failure: the segment goes on from the token store's checkpoint. */
    synchronized void discard() {
        projections.values().forEach(KeptCases::discard);
        failure = null;
    }

    synchronized long checkpoint() {
        return checkpoint;
    }

    synchronized void checkpointAt(long position) {
        checkpoint = position;
    }

    synchronized void batchEndsAt(long position) {
        batchEnd = position;
    }

    synchronized long batchEnd() {
        return batchEnd;
    }

    /**
     * An event failed while its case was kept: its case cannot be put back as it stood before the event (the kept
     * case was changed in place), so the batch must fail and the segment go back to its checkpoint.
     */
    synchronized void eventFailed(RuntimeException failure) {
        if (this.failure == null) {
            this.failure = failure;
        }
    }

    synchronized RuntimeException failure() {
        return failure;
    }
}
