package casebook.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collection;
import org.h2.mvstore.Chunk;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparseChunkFileStoreTest {

    private static final String KILOBYTE = "x".repeat(1024);

    @TempDir
    Path dir;

    @Test
    void onlySparseChunksAreOfferedForRewriteAndARewriteKeepsTheData() {
        SparseChunkFileStore fileStore = new SparseChunkFileStore(16);
        fileStore.open(dir.resolve("store.mv").toString(), false, null);
        try (MVStore store = new MVStore.Builder().adoptFileStore(fileStore).autoCommitDisabled().open()) {
            store.setRetentionTime(0);
            MVMap<Integer, String> mostlyRemoved = fill(store, "mostly-removed");
            MVMap<Integer, String> mostlyKept = fill(store, "mostly-kept");
            // Removing a contiguous range kills whole leaves: one chunk becomes sparse, the other stays mostly live.
            for (int i = 0; i < 800; i++) {
                mostlyRemoved.remove(i);
            }
            for (int i = 0; i < 150; i++) {
                mostlyKept.remove(i);
            }
            store.commit();
            assertThat(fileStore.liveShares()).as("a sparse chunk and a mostly live one")
                    .anySatisfy(share -> assertThat(share).isBetween(1, SparseChunkFileStore.SPARSE_PERCENT))
                    .anySatisfy(share -> assertThat(share).isBetween(SparseChunkFileStore.SPARSE_PERCENT + 1, 99));

            // H2 offers every chunk (null) unless told otherwise; it then moves old ones first, however full.
            Collection<?> candidates = fileStore.getRewriteCandidates();
            assertThat(candidates).isNotNull().isNotEmpty().allSatisfy(c -> {
                Chunk<?> chunk = (Chunk<?>) c;
                assertThat(chunk.maxLenLive * 100).isPositive().isLessThanOrEqualTo(chunk.maxLen * SparseChunkFileStore.SPARSE_PERCENT);
            });
            assertThat(fileStore.sparseChunks(Long.MAX_VALUE)).isEqualTo(candidates.size());
            assertThat(fileStore.sparseChunks(0)).as("none small enough for a zero budget").isZero();

            store.compact(90, 16 * 1024 * 1024);
            store.commit();

            assertThat(mostlyRemoved).hasSize(200).containsEntry(800, KILOBYTE).containsEntry(999, KILOBYTE);
            assertThat(mostlyKept).hasSize(850).containsEntry(150, KILOBYTE).containsEntry(999, KILOBYTE);
        }
    }

    /** A thousand 1 KB values in a map of their own, committed: one chunk of about 1 MB. */
    private static MVMap<Integer, String> fill(MVStore store, String name) {
        MVMap<Integer, String> map = store.openMap(name);
        for (int i = 0; i < 1000; i++) {
            map.put(i, KILOBYTE);
        }
        store.commit();
        return map;
    }
}
