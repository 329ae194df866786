package casebook.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cases from {@link NationalCases} sent over HTTP, each case's commands one at a time, by a pool of cases in progress.
 * {@code activeCases} cases are in progress at once, each on its own thread; they take turns at a fair semaphore, so
 * that their events interleave in the log as a fiscal year's cases do (a case's events spread over thousands of
 * positions), not one case after another.
 *
 * <p>The pool runs in phases ({@link #run}): each sends {@code commands} commands that succeed (each stores exactly one
 * event) with at most {@code clients} requests in flight, and is timed on its own. Between phases the cases wait
 * where they are and go on in the next one, so the commands P1 measures come from cases in progress, as an officer's
 * do: the next command on a case usually comes after many others', not right after its own previous one. A failed
 * command is printed, counted and ends its case; its thread goes on with the next case.
 */
final class NationalLoad implements AutoCloseable {

    record Result(int clients, int activeCases, long ok, long errors, double seconds, double rate, double p50Ms, double p99Ms,
                  double[] decileRates) {
    }

    private static final int MAX_ERRORS = 100;
    private static final long CASE_THREAD_STACK = 512 * 1024;

    /** Ends a case's thread: the pool is closed. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    /** Ends one case after a failed command (already printed and counted). */
    private static final class Failed extends RuntimeException {
        Failed() {
            super(null, null, false, false);
        }
    }

    /** One timed phase: its budget of commands, its clients' permits and its figures. */
    private static final class Phase {
        final String name;
        final long commands;
        final Semaphore inFlight;
        final AtomicLong tickets = new AtomicLong();
        final AtomicLong ok = new AtomicLong();
        final AtomicLong recorded = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final long[] latencies;
        final long[] finishedAt;
        final long printEvery;
        final CountDownLatch done = new CountDownLatch(1);

        Phase(String name, int clients, long commands) {
            this.name = name;
            this.commands = commands;
            this.inFlight = new Semaphore(clients, true);
            this.latencies = new long[Math.toIntExact(commands)];
            this.finishedAt = new long[Math.toIntExact(commands)];
            this.printEvery = Math.max(1000, commands / 20);
        }

        /** A ticket for one more command, or false when the budget is taken or there were too many errors. */
        boolean take() {
            return errors.get() < MAX_ERRORS && tickets.getAndUpdate(t -> t < commands ? t + 1 : t) < commands;
        }
    }

    private final Api api;
    private final NationalCases cases;
    private final int activeCases;
    private final List<Thread> threads = new ArrayList<>();
    private final Object turn = new Object();
    private Phase current; // guarded by turn
    private boolean closed; // guarded by turn

    private NationalLoad(Api api, NationalCases cases, int activeCases) {
        this.api = api;
        this.cases = cases;
        this.activeCases = activeCases;
    }

    /** A pool of {@code activeCases} cases in progress, waiting for the first phase. */
    static NationalLoad start(Api api, NationalCases cases, int activeCases, String name) {
        NationalLoad load = new NationalLoad(api, cases, activeCases);
        for (int c = 0; c < activeCases; c++) {
            // A small stack: a case's thread waits at the semaphore most of the time, and a thousand of them share
            // the process with the application whose memory P6 measures.
            Thread t = new Thread(null, load::caseAfterCase, name + "-case-" + c, CASE_THREAD_STACK);
            t.setDaemon(true);
            load.threads.add(t);
        }
        load.threads.forEach(Thread::start);
        return load;
    }

    /** Sends {@code commands} commands with at most {@code clients} in flight, and times them. */
    Result run(String name, int clients, long commands) throws InterruptedException {
        System.out.printf("%s: %d commands over HTTP with %d clients, %d cases in progress at once%n", name, commands,
                clients, activeCases);
        Phase phase = new Phase(name, clients, commands);
        long start = System.nanoTime();
        synchronized (turn) {
            current = phase;
            turn.notifyAll();
        }
        phase.done.await();
        long end = System.nanoTime();
        synchronized (turn) {
            current = null;
        }
        int n = (int) Math.min(phase.ok.get(), commands);
        double[] deciles = new double[10];
        long from = 0;
        long fromTime = start;
        for (int d = 1; d <= 10 && n >= 10; d++) {
            long to = (long) n * d / 10;
            deciles[d - 1] = AppendReplayBenchmark.perSecond(to - from, phase.finishedAt[(int) to - 1] - fromTime);
            fromTime = phase.finishedAt[(int) to - 1];
            from = to;
        }
        long[] sorted = Arrays.copyOf(phase.latencies, n);
        Arrays.sort(sorted);
        return new Result(clients, activeCases, n, phase.errors.get(), (end - start) / 1e9,
                AppendReplayBenchmark.perSecond(n, end - start), percentileMs(sorted, 0.50), percentileMs(sorted, 0.99), deciles);
    }

    /** Ends the cases' threads; the cases they were on stay where they are in the store. */
    @Override
    public void close() throws InterruptedException {
        synchronized (turn) {
            closed = true;
            turn.notifyAll();
        }
        for (Thread t : threads) {
            t.interrupt(); // a thread may wait for a permit of a phase that has ended
            t.join();
        }
    }

    static double percentileMs(long[] sortedNanos, double p) {
        return sortedNanos.length == 0 ? 0
                : sortedNanos[(int) Math.min(sortedNanos.length - 1, Math.max(0, Math.ceil(p * sortedNanos.length) - 1))] / 1e6;
    }

    private void caseAfterCase() {
        try {
            while (true) {
                NationalCases.Script script = cases.next();
                try {
                    script.body().run(this::send);
                } catch (Failed e) {
                    // printed and counted; go on with the next case
                }
            }
        } catch (Stop e) {
            // the pool is closed
        }
    }

    /** Waits for a phase with a command left in its budget, and takes that command. */
    private Phase ticket() {
        synchronized (turn) {
            while (true) {
                if (closed) {
                    throw new Stop();
                }
                if (current != null && current.take()) {
                    return current;
                }
                try {
                    turn.wait();
                } catch (InterruptedException e) {
                    throw new Stop();
                }
            }
        }
    }

    private JsonNode send(String user, String method, String path, Object body) {
        Phase phase = ticket();
        long start;
        long took;
        JsonNode answer;
        try {
            phase.inFlight.acquire();
            try {
                start = System.nanoTime(); // the request's own latency, not its turn's wait
                answer = api.send(user, method, path, body);
                took = System.nanoTime() - start;
            } finally {
                phase.inFlight.release();
            }
        } catch (Api.Rejected | IOException e) {
            throw fail(phase, e.getMessage());
        } catch (InterruptedException e) {
            throw new Stop();
        }
        int n = (int) phase.ok.incrementAndGet();
        phase.latencies[n - 1] = took;
        phase.finishedAt[n - 1] = System.nanoTime();
        if (n % phase.printEvery == 0) {
            System.out.printf("%s: %d of %d commands%n", phase.name, n, phase.commands);
        }
        if (phase.recorded.incrementAndGet() == phase.commands) {
            phase.done.countDown(); // every figure of the phase is written
        }
        return answer;
    }

    private Failed fail(Phase phase, String what) {
        long n = phase.errors.incrementAndGet();
        System.out.printf("ERROR %d (%s): %s%n", n, phase.name, what);
        if (n >= MAX_ERRORS) {
            phase.done.countDown(); // the phase ends with what it has; the run fails on its errors
        } else {
            phase.tickets.decrementAndGet(); // no event was stored: another command may take its place
            synchronized (turn) {
                turn.notifyAll(); // a case waiting for a ticket may take this one
            }
        }
        return new Failed();
    }
}
