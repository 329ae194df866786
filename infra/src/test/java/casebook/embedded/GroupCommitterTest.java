package casebook.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.StringDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit holds the store alone only while H2 takes its snapshot of the maps (ADR 0025): server operations go on
 * while it serialises and writes that snapshot, and what they wrote meanwhile is stored by the next commit.
 */
class GroupCommitterTest {

    private static final long WAIT_SECONDS = 10;
    /** Longer than any wait of the test's own, so that a commit is never let go by its timeout first. */
    private static final long HOLD_SECONDS = 6 * WAIT_SECONDS;

    @TempDir
    Path dir;

    @Test
    void serverOperationsGoOnWhileACommitWritesAndTheNextCommitStoresThem() throws Exception {
        String file = dir.resolve("store.mv").toString();
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        SparseChunkFileStore fileStore = new SparseChunkFileStore(16);
        fileStore.open(file, false, null);
        MVStore store = new MVStore.Builder().adoptFileStore(fileStore).autoCommitDisabled().autoCommitBufferSize(0).open();
        fileStore.startCounting();
        EmbeddedStoreLock storeLock = new EmbeddedStoreLock();
        GroupCommitter committer = new GroupCommitter(store, fileStore, storeLock);
        MVMap<String, String> held = store.openMap("held",
                new MVMap.Builder<String, String>().keyType(StringDataType.INSTANCE).valueType(new HeldWhileWritten(writing, letGo)));
        MVMap<String, String> other = store.openMap("other", new MVMap.Builder<String, String>()
                .keyType(StringDataType.INSTANCE).valueType(StringDataType.INSTANCE));
        ExecutorService committing = Executors.newSingleThreadExecutor();
        try {
            held.put("acknowledged", "written by the first commit");
            Future<?> first = committing.submit(committer::flush);
            assertThat(writing.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("the first commit is writing its snapshot").isTrue();

            // A server operation takes the store's shared lock: before ADR 0025 it waited for the whole commit.
            Lock operation = storeLock.readWriteLock().readLock();
            assertThat(operation.tryLock(WAIT_SECONDS, TimeUnit.SECONDS)).as("an operation runs while the commit writes").isTrue();
            try {
                other.put("during", "written while the first commit wrote");
            } finally {
                operation.unlock();
            }
            assertThat(first).as("the commit is still writing").isNotDone();

            letGo.countDown();
            first.get(WAIT_SECONDS, TimeUnit.SECONDS);
            EmbeddedMongo.Commits afterFirst = committer.totals();
            assertThat(afterFirst.count()).isEqualTo(1);
            assertThat(afterFirst.writingSeconds()).as("time written beside operations").isPositive();

            committer.flush();
            assertThat(committer.totals().count()).as("the operation's write needed a commit of its own").isEqualTo(2);
        } finally {
            committing.shutdownNow();
        }
        assertThat(fileStore.bytesWrittenOutsideCommits()).isZero();
        // Opened again without a close: only the commits' chunks are in the file, as after a kill.
        store.closeImmediately();
        try (MVStore reopened = new MVStore.Builder().fileName(file).readOnly().open()) {
            assertThat(strings(reopened, "held")).containsEntry("acknowledged", "written by the first commit");
            assertThat(strings(reopened, "other")).containsEntry("during", "written while the first commit wrote");
        }
    }

    private static MVMap<String, String> strings(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<String, String>().keyType(StringDataType.INSTANCE)
                .valueType(StringDataType.INSTANCE));
    }

    /** Strings whose serialisation, in a commit, waits until the test lets it go. */
    private static final class HeldWhileWritten extends StringDataType {

        private final CountDownLatch writing;
        private final CountDownLatch letGo;

        HeldWhileWritten(CountDownLatch writing, CountDownLatch letGo) {
            this.writing = writing;
            this.letGo = letGo;
        }

        @Override
        public void write(WriteBuffer buff, String s) {
            writing.countDown();
            try {
                if (!letGo.await(HOLD_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never let the commit go");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            super.write(buff, s);
        }
    }
}
