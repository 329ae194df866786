package casebook.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress of one long operation (a projection rebuild, an export, an import, a whole-store verify): how many
 * items of how many are done, the rate since it started and the time left at that rate. Whoever does the work
 * calls {@link #advanceTo} as it goes and {@link #succeed} or {@link #fail} at the end; a progress line goes to the
 * log at most every {@link #LOG_EVERY}, so the log shows the same figures as {@code GET /api/admin/operations}.
 * Thread-safe: the worker writes, HTTP requests read.
 */
public final class OperationProgress {

    public enum State { RUNNING, SUCCEEDED, FAILED }

    /**
     * What {@code GET /api/admin/operations} shows.
     *
     * @param rate       items per second since the start
     * @param etaSeconds seconds left at that rate (null when unknown or finished)
     * @param result     what the operation found, when it has something to say (a verify's report)
     */
    public record View(String id, String kind, String target, String startedBy, State state, long processed, Long total,
                       Double percent, double rate, Long etaSeconds, Instant startedAt, Instant finishedAt, String error,
                       Object result) {
    }

    static final Duration LOG_EVERY = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(OperationProgress.class);

    private final String id;
    private final String kind;
    private final String target;
    private final String startedBy;
    private final Clock clock;
    private final Instant startedAt;
    private final long startNanos;
    private final AtomicLong processed = new AtomicLong();
    private volatile long total;
    private volatile State state = State.RUNNING;
    private volatile Instant finishedAt;
    private volatile long finishedNanos;
    private volatile String error;
    private volatile Object result;
    private volatile long lastLogNanos;

    /**
     * @param total the number of items expected, 0 if not known yet ({@link #total(long)} can set it later)
     */
    public OperationProgress(String id, String kind, String target, String startedBy, long total, Clock clock) {
        this.id = id;
        this.kind = kind;
        this.target = target;
        this.startedBy = startedBy;
        this.total = total;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.startNanos = System.nanoTime();
        this.lastLogNanos = startNanos;
        log.info("{} started{}", name(), total > 0 ? String.format(" (%,d to do)", total) : "");
    }

    public String id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    public String target() {
        return target;
    }

    public State state() {
        return state;
    }

    public long processed() {
        return processed.get();
    }

    public void total(long total) {
        this.total = total;
    }

    /** Records that {@code count} items are done (never moves backwards), logging a progress line when one is due. */
    public void advanceTo(long count) {
        processed.accumulateAndGet(count, Math::max);
        long now = System.nanoTime();
        if (now - lastLogNanos >= LOG_EVERY.toNanos()) {
            lastLogNanos = now;
            log.info("{}", line());
        }
    }

    /** A problem worth showing while the operation runs (null: none); the error field shows it until the end. */
    public void note(String problem) {
        if (state == State.RUNNING) {
            this.error = problem;
        }
    }

    public void succeed(Object result) {
        this.result = result;
        finish(State.SUCCEEDED);
        log.info("{} done: {}", name(), summary());
    }

    public void fail(Throwable cause) {
        this.error = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        finish(State.FAILED);
        log.warn("{} failed after {}: {}", name(), summary(), error, cause);
    }

    private void finish(State end) {
        finishedNanos = System.nanoTime();
        finishedAt = clock.instant();
        state = end;
    }

    private String name() {
        return kind + (target == null ? "" : " " + target) + " [" + id + "]";
    }

    /** items per second since the start (until the end, once finished) */
    double rate() {
        long end = state == State.RUNNING ? System.nanoTime() : finishedNanos;
        double seconds = Math.max(1e-3, (end - startNanos) / 1e9);
        return processed.get() / seconds;
    }

    Long etaSeconds() {
        long t = total;
        double rate = rate();
        if (state != State.RUNNING || t <= 0 || rate <= 0) {
            return null;
        }
        return Math.round(Math.max(0, t - processed.get()) / rate);
    }

    /** One progress line: "rebuild casebook.progress [op-3]: 12,300 of 100,000 (12.3 %), 2,150/s, about 36 s left". */
    public String line() {
        long t = total;
        long done = processed.get();
        Long eta = etaSeconds();
        return String.format("%s: %,d%s, %,.0f/s%s", name(), done,
                t > 0 ? String.format(" of %,d (%.1f %%)", t, Math.min(100.0, 100.0 * done / t)) : "", rate(),
                eta == null ? "" : ", about " + eta + " s left");
    }

    private String summary() {
        double seconds = ((state == State.RUNNING ? System.nanoTime() : finishedNanos) - startNanos) / 1e9;
        return String.format("%,d in %.1f s (%,.0f/s)", processed.get(), seconds, rate());
    }

    public View view() {
        long t = total;
        long done = processed.get();
        return new View(id, kind, target, startedBy, state, done, t > 0 ? t : null,
                t > 0 ? Math.min(100.0, Math.round(1000.0 * done / t) / 10.0) : null, Math.round(rate() * 10) / 10.0,
                etaSeconds(), startedAt, finishedAt, error, result);
    }
}
