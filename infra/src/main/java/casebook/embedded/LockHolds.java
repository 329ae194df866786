package casebook.embedded;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * How long the housekeeper held the store's exclusive lock: every server operation waits that long, so the
 * longest hold is the floor of a command's tail latency. Read and reset by the housekeeper's debug line.
 */
final class LockHolds {

    private final LongAdder count = new LongAdder();
    private final LongAdder totalNanos = new LongAdder();
    private final AtomicLong maxNanos = new AtomicLong();

    void time(Runnable action) {
        long start = System.nanoTime();
        try {
            action.run();
        } finally {
            long took = System.nanoTime() - start;
            count.increment();
            totalNanos.add(took);
            maxNanos.accumulateAndGet(took, Math::max);
        }
    }

    /** "n=…, avg=… ms, max=… ms" since the last call. */
    String drain() {
        long n = count.sumThenReset();
        long total = totalNanos.sumThenReset();
        long max = maxNanos.getAndSet(0);
        return String.format("n=%d avgMs=%.1f maxMs=%.1f", n, n == 0 ? 0 : total / 1e6 / n, max / 1e6);
    }
}
