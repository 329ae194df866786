package casebook.embedded;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import org.h2.mvstore.Chunk;
import org.h2.mvstore.SingleFileStore;
import org.h2.mvstore.WriteBuffer;

/**
 * H2's single-file store, except that its chunk rewrite only considers sparse chunks, offered in steps that H2's own
 * choice cannot empty.
 * <p>
 * Measured on the million-event store: H2's rewrite ({@code MVStore.compact}) starts once the whole file is below the
 * target and then takes whole chunks by age, however full they are; every rewritten leaf also rewrites its parents,
 * which leaves older chunks a little emptier, so the file stayed at 66 % live while each call rewrote 16 MB of
 * chunks 70-86 % live and held the store for about 500 ms. Only chunks at most {@link #SPARSE_PERCENT} % live are
 * worth moving: each byte moved frees at least another byte.
 * <p>
 * H2 keeps its choice in a queue within the step's budget and, after adding a candidate, drops the least desirable
 * while the queue holds more than the budget. A candidate with more live data than the budget, when it is the most
 * desirable, drops everything, itself included: after a projection rebuild (whose commits write chunks of 6-7 MB) a
 * quarter of the sparse chunks were like that, every step chose nothing, and an event page never dies, so such a chunk
 * never emptied to fit. {@link #prepareStep} therefore offers either the sparse chunks that fit, or one larger chunk
 * alone with a budget of its own size (ADR 0012).
 * <p>
 * It also keeps the buffers its commits serialise chunks into ({@link #getWriteBuffer}, ADR 0018).
 */
final class SparseChunkFileStore extends SingleFileStore {

    /**
     * The capacity of a kept chunk buffer: above a commit's usual chunk (4-6 MB in a rebuild, at the 16 MB unsaved
     * limit), so that it does not grow. A larger commit grows it as H2 would, and it returns to this size when cleared.
     */
    static final int CHUNK_BUFFER_BYTES = 16 * 1024 * 1024;
    /** Commits run one at a time under the store's lock; a second buffer covers a serialisation still in flight. */
    private static final int KEPT_CHUNK_BUFFERS = 2;

    /** A chunk at most this much live data is rewritten; a fuller one is left until it empties further. */
    static final int SPARSE_PERCENT = 50;
    /**
     * After this many steps in which the fitting chunks did not change, they are taken as unmovable for now (a page of
     * a map being dropped, say) and the larger chunks get their turn until the fitting ones change. The larger chunks
     * also get a turn at least once in this many steps: on a live store the fitting set changes with every commit
     * (the processors' tokens, a command), and at a million events the rewrite after a rebuild stopped at half the
     * file live, with ~300 larger chunks never offered (twelfth session).
     */
    static final int STILL_STEPS = 8;

    private static final Comparator<Chunk<?>> SMALLEST_FIRST =
            Comparator.<Chunk<?>>comparingLong(chunk -> chunk.maxLenLive).thenComparingInt(chunk -> chunk.id);

    // Written and read only by the thread that calls prepareStep and then compact (the housekeeper).
    private List<Chunk<?>> offered = List.of();
    private long lastFittingLive = -1;
    private int stillSteps;
    private int stepsSinceLarger;
    private Chunk<?> lastLarger;
    private final LongAdder committedBytes = new LongAdder();
    private volatile long countedFrom;

    private final Queue<WriteBuffer> chunkBuffers = new ConcurrentLinkedQueue<>();
    /** What the commit in progress in a thread runs once its snapshot is taken (H2 serialises in that thread). */
    private final ThreadLocal<Runnable> onSnapshot = new ThreadLocal<>();

    SparseChunkFileStore(int cacheMegabytes) {
        super(Map.of("cacheSize", cacheMegabytes));
    }

    /**
     * H2 serialises each commit's chunk into a buffer that starts at 1 MB, grows by 1 MB steps, and is kept for the
     * next commit only up to 4 MB. Every buffer of 512 KB or more is a humongous object to G1 (half a region of a 1 GB
     * heap), and each such allocation may start a concurrent marking cycle: at a million events the rebuild's commits
     * made G1 mark the heap 167 times in 196 s, more than half of the process's CPU with the young pauses (ADR 0018).
     * A kept buffer of {@link #CHUNK_BUFFER_BYTES} is allocated once.
     */
    @Override
    public WriteBuffer getWriteBuffer() {
        snapshotTaken();
        WriteBuffer kept = chunkBuffers.poll(); // cleared when it was released
        return kept != null ? kept : new WriteBuffer(CHUNK_BUFFER_BYTES);
    }

    /**
     * H2 asks for the chunk's buffer once per store of the maps, in the committing thread, after it has taken the
     * commit's snapshot (each changed map's root at the new version; its pages never change again) and before it
     * serialises those pages: from here the commit no longer needs server operations to stand still (ADR 0025).
     */
    private void snapshotTaken() {
        Runnable action = onSnapshot.get();
        if (action != null) {
            onSnapshot.remove();
            action.run();
        }
    }

    @Override
    public void releaseWriteBuffer(WriteBuffer buffer) {
        // clear() drops a buffer grown past 4 MB for the one it was created with, so a kept buffer stays at its size
        if (buffer.clear().capacity() >= CHUNK_BUFFER_BYTES && chunkBuffers.size() < KEPT_CHUNK_BUFFERS) {
            chunkBuffers.offer(buffer);
        }
    }

    /** How many chunk buffers are kept for the next commits (for the test). */
    int keptChunkBuffers() {
        return chunkBuffers.size();
    }

    /**
     * Chooses what the next rewrite step ({@code MVStore.compact(target, budget)}) is offered and returns the budget to
     * pass it: the sparse chunks that fit {@code budget}; when none fits, when those that fit have not changed for
     * {@link #STILL_STEPS} steps, or when the larger ones have waited that many steps, one larger sparse chunk alone
     * (the next in order of size after the last one offered, so that one that cannot move does not hold up the
     * others) and its live size as the budget.
     */
    int prepareStep(int budget) {
        List<Chunk<?>> fitting = new ArrayList<>();
        List<Chunk<?>> larger = new ArrayList<>();
        long fittingLive = 0;
        for (Chunk<?> chunk : chunks()) {
            if (!isSparse(chunk)) {
                continue;
            }
            if (chunk.maxLenLive <= budget) {
                fitting.add(chunk);
                fittingLive += chunk.maxLenLive;
            } else {
                larger.add(chunk);
            }
        }
        if (fittingLive == lastFittingLive) {
            stillSteps++;
        } else {
            lastFittingLive = fittingLive;
            stillSteps = 0;
        }
        if (larger.isEmpty() || (!fitting.isEmpty() && stillSteps < STILL_STEPS && stepsSinceLarger < STILL_STEPS)) {
            offered = fitting;
            stepsSinceLarger++;
            return budget;
        }
        stepsSinceLarger = 0;
        Chunk<?> next = nextLarger(larger);
        lastLarger = next;
        offered = List.of(next);
        return (int) Math.min(Integer.MAX_VALUE, next.maxLenLive);
    }

    private Chunk<?> nextLarger(List<Chunk<?>> larger) {
        larger.sort(SMALLEST_FIRST);
        if (lastLarger != null) {
            for (Chunk<?> chunk : larger) {
                if (SMALLEST_FIRST.compare(chunk, lastLarger) > 0) {
                    return chunk;
                }
            }
        }
        return larger.get(0);
    }

    /** Called by H2 when it picks chunks to rewrite; it then takes the oldest and emptiest within its byte budget. */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Collection getRewriteCandidates() {
        List<Chunk<?>> stillThere = new ArrayList<>(offered.size());
        for (Chunk<?> chunk : offered) {
            if (isSparse(chunk) && getChunks().get(chunk.id) == chunk) {
                stillThere.add(chunk);
            }
        }
        return stillThere;
    }

    /**
     * Runs Casebook's own store of the maps (a commit, the file's shrinking, under the store's lock alone) and counts
     * the bytes it writes, so that {@link #bytesWrittenOutsideCommits} can tell whether H2 ever stored on its own.
     */
    void committing(Runnable commit) {
        long before = writeBytes.get();
        try {
            commit.run();
        } finally {
            committedBytes.add(writeBytes.get() - before);
        }
    }

    /**
     * {@link #committing} a commit that runs {@code snapshotTaken} (once, in this thread) as soon as H2 has taken the
     * commit's snapshot of the maps, before it serialises and writes it; not at all if there was nothing to store.
     */
    void committing(Runnable commit, Runnable snapshotTaken) {
        onSnapshot.set(snapshotTaken);
        try {
            committing(commit);
        } finally {
            onSnapshot.remove();
        }
    }

    /**
     * Bytes written to the file since {@link #startCounting}, other than by {@link #committing}: a store of the maps
     * outside Casebook's commit could capture another server operation half applied (ADR 0003), so this stays 0.
     */
    long bytesWrittenOutsideCommits() {
        return writeBytes.get() - countedFrom - committedBytes.sum();
    }

    /** Opening the store writes on its own; from now on every write must be a commit. */
    void startCounting() {
        countedFrom = writeBytes.get();
        committedBytes.reset();
    }

    /** Bytes written to the file since it was opened: chunks of commits and of the rewrite. */
    long bytesWritten() {
        return writeBytes.get();
    }

    /** How many chunks are sparse enough to be rewritten and hold at most {@code maxLiveBytes} live data. */
    int sparseChunks(long maxLiveBytes) {
        int count = 0;
        for (Chunk<?> chunk : chunks()) {
            if (isSparse(chunk) && chunk.maxLenLive <= maxLiveBytes) {
                count++;
            }
        }
        return count;
    }

    /** The share of live data in each chunk, in percent (for the housekeeper's log and tests). */
    List<Integer> liveShares() {
        List<Integer> shares = new ArrayList<>();
        for (Chunk<?> chunk : chunks()) {
            if (chunk.maxLen > 0) {
                shares.add((int) (chunk.maxLenLive * 100 / chunk.maxLen));
            }
        }
        return shares;
    }

    private Collection<? extends Chunk<?>> chunks() {
        return getChunks().values();
    }

    // An empty chunk (no live data) is freed by H2 itself once unused, so it needs no rewrite.
    private static boolean isSparse(Chunk<?> chunk) {
        return chunk.maxLen > 0 && chunk.maxLenLive > 0 && chunk.maxLenLive * 100 <= chunk.maxLen * SPARSE_PERCENT;
    }
}
