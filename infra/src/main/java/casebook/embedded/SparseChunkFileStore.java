package casebook.embedded;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.Chunk;
import org.h2.mvstore.SingleFileStore;

/**
 * H2's single-file store, except that its chunk rewrite only considers sparse chunks.
 * <p>
 * Measured on the million-event store: H2's rewrite ({@code MVStore.compact}) starts once the whole file is below the
 * target and then takes whole chunks by age, however full they are; every rewritten leaf also rewrites its parents,
 * which leaves older chunks a little emptier, so the file stayed at 66 % live while each call rewrote 16 MB of
 * chunks 70-86 % live and held the store for about 500 ms. Only chunks at most {@link #SPARSE_PERCENT} % live are
 * worth moving: each byte moved frees at least another byte, and such a chunk is small enough to move in one short
 * step.
 */
final class SparseChunkFileStore extends SingleFileStore {

    /** A chunk at most this much live data is rewritten; a fuller one is left until it empties further. */
    static final int SPARSE_PERCENT = 50;

    SparseChunkFileStore(int cacheMegabytes) {
        super(Map.of("cacheSize", cacheMegabytes));
    }

    /** Called by H2 when it picks chunks to rewrite; it then takes the oldest and emptiest within its byte budget. */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Collection getRewriteCandidates() {
        List<Chunk<?>> sparse = new ArrayList<>();
        for (Chunk<?> chunk : chunks()) {
            if (isSparse(chunk)) {
                sparse.add(chunk);
            }
        }
        return sparse;
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
