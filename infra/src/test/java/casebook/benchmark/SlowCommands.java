package casebook.benchmark;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a phase's slow commands spent their time, from the application's own timers: {@code casebook.commands} (the
 * command handler: load, decide, append, durable commit) and {@code http.server.requests} (the whole request). Both
 * count requests slower than {@value #SLOW_MS} ms; the first by command type. A slow request whose handler was fast
 * waited outside it (HTTP, security, scheduling); one whose handler was slow names its command.
 */
final class SlowCommands {

    static final double SLOW_MS = 50;

    private final MeterRegistry meters;
    private final Map<String, long[]> before;

    private SlowCommands(MeterRegistry meters) {
        this.meters = meters;
        this.before = counts();
    }

    static SlowCommands from(MeterRegistry meters) {
        return new SlowCommands(meters);
    }

    /** Prints the phase's slow requests and handlers since this was made. */
    void print(String phase) {
        Map<String, long[]> after = counts();
        StringBuilder handlers = new StringBuilder();
        long slowHandlers = 0;
        long http = 0;
        long slowHttp = 0;
        for (Map.Entry<String, long[]> e : after.entrySet()) {
            long[] was = before.getOrDefault(e.getKey(), new long[2]);
            long count = e.getValue()[0] - was[0];
            long slow = e.getValue()[1] - was[1];
            if (e.getKey().startsWith("http ")) {
                http += count;
                slowHttp += slow;
            } else if (slow > 0) {
                slowHandlers += slow;
                handlers.append(' ').append(e.getKey()).append('=').append(slow).append('/').append(count);
            }
        }
        System.out.printf("%s: requests slower than %.0f ms: %d of %d; command handlers slower: %d%s%n", phase, SLOW_MS,
                slowHttp, http, slowHandlers, handlers);
    }

    /** "command outcome" or "http uri" → {count, count slower than SLOW_MS}. */
    private Map<String, long[]> counts() {
        Map<String, long[]> counts = new HashMap<>();
        for (Timer t : meters.find("casebook.commands").timers()) {
            add(counts, t.getId().getTag("command") + " " + t.getId().getTag("outcome"), t);
        }
        for (Timer t : meters.find("http.server.requests").tag("method", "POST").timers()) {
            add(counts, "http " + t.getId().getTag("uri"), t);
        }
        for (Timer t : meters.find("http.server.requests").tag("method", "PUT").timers()) {
            add(counts, "http PUT " + t.getId().getTag("uri"), t);
        }
        return counts;
    }

    private static void add(Map<String, long[]> counts, String key, Timer timer) {
        long fast = 0;
        for (CountAtBucket bucket : timer.takeSnapshot().histogramCounts()) {
            if (bucket.bucket(TimeUnit.MILLISECONDS) <= SLOW_MS) {
                fast = Math.max(fast, (long) bucket.count());
            }
        }
        long[] c = counts.computeIfAbsent(key, k -> new long[2]);
        c[0] += timer.count();
        c[1] += timer.count() - fast;
    }
}
