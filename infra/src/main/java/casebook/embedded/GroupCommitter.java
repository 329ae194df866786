package casebook.embedded;

import casebook.eventstore.Durability;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.mvstore.MVStore;

/**
 * Group commit for the embedded H2 store: a writer asks for a commit that covers its write; whoever
 * finds no commit running commits for everyone waiting, so concurrent writers share one commit.
 * Measured trap: the store's own background commit (about once a second) lost acknowledged writes
 * under kill -9, so the store is opened with auto-commit disabled and committed here.
 */
final class GroupCommitter implements Durability {

    private final MVStore store;
    private final SparseChunkFileStore fileStore;
    private final EmbeddedStoreLock storeLock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition done = lock.newCondition();
    private long requested;
    private long committed;
    private boolean committing;
    private volatile long commits;

    GroupCommitter(MVStore store, SparseChunkFileStore fileStore, EmbeddedStoreLock storeLock) {
        this.store = store;
        this.fileStore = fileStore;
        this.storeLock = storeLock;
    }

    @Override
    public void flush() {
        lock.lock();
        try {
            long mine = ++requested;
            while (committed < mine) {
                if (committing) {
                    done.awaitUninterruptibly();
                    continue;
                }
                committing = true;
                long covered = requested;
                lock.unlock();
                try {
                    commitNow();
                } finally {
                    lock.lock();
                    committing = false;
                    committed = Math.max(committed, covered);
                    done.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Commits the store with no server operation half applied. */
    void commitNow() {
        long start = System.nanoTime();
        storeLock.exclusively(() -> {
            long locked = System.nanoTime();
            waitNanos.add(locked - start);
            long written = fileStore.bytesWritten();
            if (!store.isClosed() && store.hasUnsavedChanges()) {
                fileStore.committing(store::commit);
            }
            long end = System.nanoTime();
            commitNanos.add(end - locked);
            longest.record(end - start, () -> String.format("waited %.1fms for the lock, wrote %d KB", (locked - start) / 1e6,
                    (fileStore.bytesWritten() - written) / 1024));
        });
        commits++;
    }

    private final java.util.concurrent.atomic.LongAdder waitNanos = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder commitNanos = new java.util.concurrent.atomic.LongAdder();

    private final LongestHold longest = new LongestHold();

    /** Commits so far, and the time they held the store (every server operation waits) and waited for it. */
    EmbeddedMongo.Commits totals() {
        return new EmbeddedMongo.Commits(commits, commitNanos.sum() / 1e9, waitNanos.sum() / 1e9);
    }

    String stats() {
        long n = Math.max(1, commits);
        return String.format("commits=%d avgWaitMs=%.2f avgCommitMs=%.2f longestCommit=%s", commits,
                waitNanos.sum() / 1e6 / n, commitNanos.sum() / 1e6 / n, longest.drain());
    }
}
