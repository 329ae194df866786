package casebook.embedded;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * Server operations and the chunk rewrite share the lock; the file's shrinking and the housekeeper's commits take it
 * alone, and a commit that writers wait for takes it alone until it has taken its snapshot of the maps (ADR 0025).
 */
final class EmbeddedStoreLock {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    ReadWriteLock readWriteLock() {
        return lock;
    }

    /** Alongside server operations, never during a commit. */
    void shared(Runnable action) {
        lock.readLock().lock();
        try {
            action.run();
        } finally {
            lock.readLock().unlock();
        }
    }

    void exclusively(Runnable action) {
        lock.writeLock().lock();
        try {
            action.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Alone, until {@code action} runs the release it is given: server operations go on from then while the action
     * finishes. A release from another thread than the one that took the lock does nothing (the lock is then let go
     * when the action returns), as does a second one.
     */
    void exclusivelyUntilReleased(Consumer<Runnable> action) {
        lock.writeLock().lock();
        Runnable release = () -> {
            if (lock.isWriteLockedByCurrentThread()) {
                lock.writeLock().unlock();
            }
        };
        try {
            action.accept(release);
        } finally {
            release.run();
        }
    }
}
