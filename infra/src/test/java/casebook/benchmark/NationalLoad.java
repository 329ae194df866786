package casebook.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cases from {@link NationalCases} sent over HTTP, each case's commands one at a time, until {@code commands} commands
 * have succeeded (each stores exactly one event). {@code activeCases} cases are in progress at once, each on its own
 * thread, and at most {@code clients} requests are in flight: the cases take turns at a fair semaphore, so that their
 * events interleave in the log as a fiscal year's cases do (a case's events spread over thousands of positions), not
 * one case after another. With as many active cases as clients, each client runs one case after another. A failed
 * command is printed, counted and ends its case; its thread goes on with the next case.
 */
final class NationalLoad {

    record Result(int clients, int activeCases, long ok, long errors, double seconds, double rate, double p50Ms, double p99Ms,
                  double[] decileRates) {
    }

    private static final int MAX_ERRORS = 100;
    private static final long CASE_THREAD_STACK = 512 * 1024;

    /** Ends a client: the budget is spent, or there were too many errors. */
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

    private final Api api;
    private final NationalCases cases;
    private final long commands;
    private final String phase;
    private final AtomicLong tickets = new AtomicLong();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final long[] latencies;
    private final long[] finishedAt;
    private final long printEvery;
    private final Semaphore inFlight;

    private NationalLoad(Api api, NationalCases cases, int clients, long commands, String phase) {
        this.api = api;
        this.cases = cases;
        this.commands = commands;
        this.phase = phase;
        this.latencies = new long[Math.toIntExact(commands)];
        this.finishedAt = new long[Math.toIntExact(commands)];
        this.printEvery = Math.max(1000, commands / 20);
        this.inFlight = new Semaphore(clients, true);
    }

    /** Each client runs one case after another. */
    static Result run(Api api, NationalCases cases, int clients, long commands, String phase) throws InterruptedException {
        return run(api, cases, clients, clients, commands, phase);
    }

    static Result run(Api api, NationalCases cases, int clients, int activeCases, long commands, String phase)
            throws InterruptedException {
        return new NationalLoad(api, cases, clients, commands, phase).run(clients, Math.max(clients, activeCases));
    }

    private Result run(int clients, int activeCases) throws InterruptedException {
        System.out.printf("%s: %d commands over HTTP with %d clients, %d cases in progress at once%n", phase, commands,
                clients, activeCases);
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < activeCases; c++) {
            // A small stack: a case's thread waits at the semaphore most of the time, and a thousand of them share
            // the process with the application whose memory P6 measures.
            threads.add(new Thread(null, this::client, phase + "-case-" + c, CASE_THREAD_STACK));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        long end = System.nanoTime();
        int n = (int) ok.get();
        double[] deciles = new double[10];
        long from = 0;
        long fromTime = start;
        for (int d = 1; d <= 10 && n >= 10; d++) {
            long to = (long) n * d / 10;
            deciles[d - 1] = AppendReplayBenchmark.perSecond(to - from, finishedAt[(int) to - 1] - fromTime);
            fromTime = finishedAt[(int) to - 1];
            from = to;
        }
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        return new Result(clients, activeCases, n, errors.get(), (end - start) / 1e9, AppendReplayBenchmark.perSecond(n, end - start),
                percentileMs(sorted, 0.50), percentileMs(sorted, 0.99), deciles);
    }

    static double percentileMs(long[] sortedNanos, double p) {
        return sortedNanos.length == 0 ? 0
                : sortedNanos[(int) Math.min(sortedNanos.length - 1, Math.max(0, Math.ceil(p * sortedNanos.length) - 1))] / 1e6;
    }

    private void client() {
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
            // budget spent
        }
    }

    private JsonNode send(String user, String method, String path, Object body) {
        if (errors.get() >= MAX_ERRORS || tickets.getAndUpdate(t -> t < commands ? t + 1 : t) >= commands) {
            throw new Stop();
        }
        long start;
        long took;
        JsonNode answer;
        try {
            inFlight.acquire();
            try {
                start = System.nanoTime(); // the request's own latency, not its turn's wait
                answer = api.send(user, method, path, body);
                took = System.nanoTime() - start;
            } finally {
                inFlight.release();
            }
        } catch (Api.Rejected | IOException e) {
            throw fail(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stop();
        }
        int n = (int) ok.incrementAndGet();
        latencies[n - 1] = took;
        finishedAt[n - 1] = System.nanoTime();
        if (n % printEvery == 0) {
            System.out.printf("%s: %d of %d commands%n", phase, n, commands);
        }
        return answer;
    }

    private Failed fail(String what) {
        tickets.decrementAndGet(); // no event was stored: another command may take its place
        long n = errors.incrementAndGet();
        System.out.printf("ERROR %d (%s): %s%n", n, phase, what);
        return new Failed();
    }
}
