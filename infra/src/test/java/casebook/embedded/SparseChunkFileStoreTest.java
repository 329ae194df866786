package casebook.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collection;
import org.h2.mvstore.Chunk;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparseChunkFileStoreTest {

    private static final String KILOBYTE = "x".repeat(1024);

    @TempDir
    Path dir;

    @Test
    void onlySparseChunksAreOfferedForRewriteAndARewriteKeepsTheData() {
        SparseChunkFileStore fileStore = new SparseChunkFileStore(16);
        try (MVStore store = open(fileStore)) {
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
            int budget = fileStore.prepareStep(16 * 1024 * 1024);
            assertThat(budget).as("every sparse chunk fits 16 MB").isEqualTo(16 * 1024 * 1024);
            Collection<?> candidates = fileStore.getRewriteCandidates();
            assertThat(candidates).isNotNull().isNotEmpty().allSatisfy(c -> {
                Chunk<?> chunk = (Chunk<?>) c;
                assertThat(chunk.maxLenLive * 100).isPositive().isLessThanOrEqualTo(chunk.maxLen * SparseChunkFileStore.SPARSE_PERCENT);
            });
            assertThat(fileStore.sparseChunks(Long.MAX_VALUE)).isEqualTo(candidates.size());
            assertThat(fileStore.sparseChunks(0)).as("none small enough for a zero budget").isZero();

            store.compact(90, budget);
            store.commit();

            assertThat(mostlyRemoved).hasSize(200).containsEntry(800, KILOBYTE).containsEntry(999, KILOBYTE);
            assertThat(mostlyKept).hasSize(850).containsEntry(150, KILOBYTE).containsEntry(999, KILOBYTE);
        }
    }

    @Test
    void aSparseChunkLargerThanAStepIsMovedAloneInAStepOfItsOwnSize() {
        SparseChunkFileStore fileStore = new SparseChunkFileStore(16);
        try (MVStore store = open(fileStore)) {
            MVMap<Integer, String> map = sparseEvents(store);
            int step = 64 * 1024;
            assertThat(largerThan(fileStore, step)).as("a sparse chunk with about 400 KB live").isEqualTo(1);

            // H2 alone, offered it with a 64 KB budget, chooses nothing at all, step after step (ADR 0012).
            for (int i = 0; i < 3 * SparseChunkFileStore.STILL_STEPS && largerThan(fileStore, step) > 0; i++) {
                store.compact(90, fileStore.prepareStep(step));
                store.commit();
            }

            assertThat(largerThan(fileStore, step)).as("moved in a step of its own size").isZero();
            assertThat(map).hasSize(400).containsEntry(600, KILOBYTE).containsEntry(999, KILOBYTE);
        }
    }

    @Test
    void sparseChunksThatFitAStepAreOfferedBeforeALargerOne() {
        SparseChunkFileStore fileStore = new SparseChunkFileStore(16);
        try (MVStore store = open(fileStore)) {
            MVMap<Integer, String> large = fill(store, "large");
            MVMap<Integer, String> small = store.openMap("small");
            for (int i = 0; i < 100; i++) {
                small.put(i, KILOBYTE);
            }
            store.commit();
            for (int i = 0; i < 600; i++) {
                large.remove(i);
            }
            for (int i = 0; i < 60; i++) {
                small.remove(i);
            }
            store.commit();
            laterWrites(store);
            int step = 64 * 1024;
            assertThat(fileStore.sparseChunks(step)).as("a small sparse chunk").isPositive();
            assertThat(largerThan(fileStore, step)).as("and a large one").isEqualTo(1);

            assertThat(fileStore.prepareStep(step)).as("the step keeps its budget while chunks fit").isEqualTo(step);
            assertThat(fileStore.getRewriteCandidates()).hasSize(fileStore.sparseChunks(step));
            store.compact(90, step);
            store.commit();
            assertThat(largerThan(fileStore, step)).as("the large chunk waits").isEqualTo(1);

            for (int i = 0; i < 3 * SparseChunkFileStore.STILL_STEPS && largerThan(fileStore, step) > 0; i++) {
                store.compact(90, fileStore.prepareStep(step));
                store.commit();
            }
            assertThat(largerThan(fileStore, step)).as("then moves").isZero();
            assertThat(large).hasSize(400).containsEntry(999, KILOBYTE);
            assertThat(small).hasSize(40).containsEntry(99, KILOBYTE);
        }
    }

    /**
     * On a live store every commit leaves new small sparse chunks (tokens, a command's documents), so the chunks that
     * fit a step are never the same two steps running. At a million events that kept ~300 larger chunks waiting for
     * ever after a rebuild, the file half dead data; the larger ones now get a turn at least once in STILL_STEPS steps.
     */
    @Test
    void aLargerChunkIsMovedWhileTheSmallChunksChangeAtEveryStep() {
        SparseChunkFileStore fileStore = new SparseChunkFileStore(16);
        try (MVStore store = open(fileStore)) {
            MVMap<Integer, String> map = sparseEvents(store);
            int step = 64 * 1024;
            assertThat(largerThan(fileStore, step)).as("a sparse chunk with about 400 KB live").isEqualTo(1);

            // Before every step a commit leaves one more small sparse chunk: a kept page beside one written again at
            // once (a token, say), as on a live store.
            MVMap<Integer, String> rewritten = store.openMap("rewritten");
            int rounds = 0;
            for (; rounds < 3 * SparseChunkFileStore.STILL_STEPS && largerThan(fileStore, step) > 0; rounds++) {
                store.<Integer, String>openMap("kept-" + rounds).put(0, KILOBYTE);
                for (int i = 0; i < 6; i++) {
                    rewritten.put(i, KILOBYTE + rounds);
                }
                store.commit();
                rewritten.put(0, "again");
                store.commit();
                laterWrites(store);
                assertThat(fileStore.sparseChunks(step)).as("small sparse chunks to offer").isPositive();
                store.compact(90, fileStore.prepareStep(step));
                store.commit();
            }

            assertThat(largerThan(fileStore, step)).as("the larger chunk was moved too").isZero();
            assertThat(map).hasSize(400).containsEntry(600, KILOBYTE).containsEntry(999, KILOBYTE);
            for (int round = 0; round < rounds; round++) {
                assertThat(store.<Integer, String>openMap("kept-" + round)).containsEntry(0, KILOBYTE);
            }
        }
    }

    /**
     * ADR 0018: every commit serialises its chunk into the one kept buffer instead of a new one grown in 1 MB steps
     * (each a humongous allocation to G1); a chunk larger than the buffer grows it for that commit only, and every
     * chunk reads back.
     */
    @Test
    void commitsOfSmallAndLargeChunksShareOneKeptBufferAndKeepTheData() {
        SparseChunkFileStore fileStore = new SparseChunkFileStore(16);
        int[] kilobytes = {2_000, 6_000, 20_000, 3_000};
        try (MVStore store = open(fileStore)) {
            MVMap<Integer, String> values = store.openMap("values");
            int key = 0;
            for (int size : kilobytes) {
                for (int i = 0; i < size; i++) {
                    values.put(key++, KILOBYTE);
                }
                store.commit();
                assertThat(fileStore.keptChunkBuffers()).as("kept after a chunk of %d KB", size).isEqualTo(1);
                WriteBuffer kept = fileStore.getWriteBuffer();
                assertThat(kept.capacity()).isEqualTo(SparseChunkFileStore.CHUNK_BUFFER_BYTES);
                assertThat(kept.position()).as("handed out empty").isZero();
                fileStore.releaseWriteBuffer(kept);
            }
        }
        SparseChunkFileStore reopened = new SparseChunkFileStore(16);
        try (MVStore store = open(reopened)) {
            MVMap<Integer, String> values = store.openMap("values");
            assertThat(values).hasSize(31_000).containsEntry(0, KILOBYTE).containsEntry(30_999, KILOBYTE);
        }
    }

    /** A store as the embedded server opens it: auto-commit off, old chunks released at once. */
    private MVStore open(SparseChunkFileStore fileStore) {
        fileStore.open(dir.resolve("store.mv").toString(), false, null);
        MVStore store = new MVStore.Builder().adoptFileStore(fileStore).autoCommitDisabled().open();
        store.setRetentionTime(0);
        return store;
    }

    /** A chunk of a thousand 1 KB events with the first 600 removed (about 400 KB live), old enough to rewrite. */
    private static MVMap<Integer, String> sparseEvents(MVStore store) {
        MVMap<Integer, String> map = fill(store, "events");
        for (int i = 0; i < 600; i++) {
            map.remove(i);
        }
        store.commit();
        laterWrites(store);
        return map;
    }

    /** H2 rewrites only chunks at least two versions old: two small commits make the chunks before them so. */
    private static void laterWrites(MVStore store) {
        MVMap<Integer, String> later = store.openMap("later");
        for (int i = 0; i < 2; i++) {
            later.put(i, "later");
            store.commit();
        }
    }

    private static int largerThan(SparseChunkFileStore fileStore, long bytes) {
        return fileStore.sparseChunks(Long.MAX_VALUE) - fileStore.sparseChunks(bytes);
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
