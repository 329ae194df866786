package casebook.embedded;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** Server operations share the lock; commits and compaction take it alone. */
final class EmbeddedStoreLock {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    ReadWriteLock readWriteLock() {
        return lock;
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
