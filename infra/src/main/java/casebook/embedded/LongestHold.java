package casebook.embedded;

import java.util.function.Supplier;

/**
 * The longest of some timed action since the last look, and what it was. A commit waits for every server operation
 * in progress, and every operation that starts meanwhile waits for the commit, so one long operation is a pause for
 * all of them: the debug line names the longest, to find what makes a command's tail latency.
 */
final class LongestHold {

    private volatile long maxNanos;
    private String what = "-";

    /** Records an action that took {@code nanos}; {@code description} is asked for only when it is the longest. */
    void record(long nanos, Supplier<String> description) {
        if (nanos <= maxNanos) { // a racy first look keeps the common case free of the lock
            return;
        }
        synchronized (this) {
            if (nanos > maxNanos) {
                maxNanos = nanos;
                what = description.get();
            }
        }
    }

    /** "12.3ms (what)" since the last call. */
    synchronized String drain() {
        String s = String.format("%.1fms (%s)", maxNanos / 1e6, what);
        maxNanos = 0;
        what = "-";
        return s;
    }
}
