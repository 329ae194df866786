package casebook.embedded;

import casebook.eventstore.Durability;
import java.util.concurrent.atomic.LongAdder;
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
                    commit(true);
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

    /**
     * The housekeeper's commit (once a second, and whenever 16 MB of changed pages are unsaved): it holds the store
     * until written, as {@link #commit} says why.
     */
    void commitNow() {
        commit(false);
    }

    /**
     * Commits the store with no server operation half applied: operations stand still while H2 takes the commit's
     * snapshot of the maps. A commit that writers wait for ({@link #flush}: a durable append's) lets them go on while
     * H2 serialises and writes it (ADR 0025); the housekeeper's, which hold a rebuild's or an import's 16 MB of pages,
     * hold the store until written: serialised beside operations on two cores, a million-event rebuild's commits
     * took 29 s instead of 12, the collector paused twice as long (both versions of the changed pages live the while)
     * and the rebuild was 9 % slower. One commit at a time, so that a second one does not hold the store while it
     * waits for H2 to finish the first.
     */
    private void commit(boolean writeBesideOperations) {
        alone(() -> {
            long start = System.nanoTime();
            long written = fileStore.bytesWritten();
            long[] at = new long[3]; // locked, released, ended
            storeLock.exclusivelyUntilReleased(release -> {
                at[0] = System.nanoTime();
                if (!store.isClosed() && store.hasUnsavedChanges()) {
                    if (writeBesideOperations) {
                        fileStore.committing(store::commit, () -> {
                            at[1] = System.nanoTime();
                            release.run();
                        });
                    } else {
                        fileStore.committing(store::commit);
                    }
                }
            });
            at[2] = System.nanoTime();
            long heldUntil = at[1] != 0 ? at[1] : at[2];
            waitNanos.add(at[0] - start);
            holdNanos.add(heldUntil - at[0]);
            writeNanos.add(at[2] - heldUntil);
            long bytes = fileStore.bytesWritten() - written;
            longest.record(at[2] - start, () -> String.format(
                    "waited %.1fms for the lock, held it %.1fms, then wrote %d KB in %.1fms",
                    (at[0] - start) / 1e6, (heldUntil - at[0]) / 1e6, bytes / 1024, (at[2] - heldUntil) / 1e6));
            commits++;
        });
    }

    /**
     * Runs {@code action} (the file's shrinking, the page cache's resizing, the close) with the store to itself and no
     * commit in progress.
     */
    void exclusively(Runnable action) {
        alone(() -> storeLock.exclusively(action));
    }

    private void alone(Runnable action) {
        oneAtATime.lock();
        try {
            action.run();
        } finally {
            oneAtATime.unlock();
        }
    }

    private final ReentrantLock oneAtATime = new ReentrantLock();
    private final LongAdder waitNanos = new LongAdder();
    private final LongAdder holdNanos = new LongAdder();
    private final LongAdder writeNanos = new LongAdder();

    private final LongestHold longest = new LongestHold();

    /**
     * Commits so far, the time they held the store (every server operation waits), waited for it, and then spent
     * serialising and writing beside server operations.
     */
    EmbeddedMongo.Commits totals() {
        return new EmbeddedMongo.Commits(commits, holdNanos.sum() / 1e9, waitNanos.sum() / 1e9, writeNanos.sum() / 1e9);
    }

    String stats() {
        long n = Math.max(1, commits);
        return String.format("commits=%d avgWaitMs=%.2f avgHoldMs=%.2f avgWriteMs=%.2f longestCommit=%s", commits,
                waitNanos.sum() / 1e6 / n, holdNanos.sum() / 1e6 / n, writeNanos.sum() / 1e6 / n, longest.drain());
    }
}
