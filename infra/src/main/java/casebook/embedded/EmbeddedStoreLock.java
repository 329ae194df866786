package casebook.embedded;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** Server operations and the chunk rewrite share the lock; commits and the file's shrinking take it alone. */
final class EmbeddedStoreLock {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();

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
}
