package casebook.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code clients} threads take cases from {@link NationalCases} and send their commands over HTTP, one at a time
 * each, until {@code commands} commands have succeeded (each stores exactly one event). A failed command is printed,
 * counted and ends its case; the client goes on with the next case.
 */
final class NationalLoad {

    record Result(int clients, long ok, long errors, double seconds, double rate, double p50Ms, double p99Ms,
                  double[] decileRates) {
    }

    private static final int MAX_ERRORS = 100;

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

    private NationalLoad(Api api, NationalCases cases, long commands, String phase) {
        this.api = api;
        this.cases = cases;
        this.commands = commands;
        this.phase = phase;
        this.latencies = new long[Math.toIntExact(commands)];
        this.finishedAt = new long[Math.toIntExact(commands)];
        this.printEvery = Math.max(1000, commands / 20);
    }

    static Result run(Api api, NationalCases cases, int clients, long commands, String phase) throws InterruptedException {
        return new NationalLoad(api, cases, commands, phase).run(clients);
    }

    private Result run(int clients) throws InterruptedException {
        System.out.printf("%s: %d commands over HTTP with %d clients%n", phase, commands, clients);
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(new Thread(this::client, phase + "-client-" + c));
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
        return new Result(clients, n, errors.get(), (end - start) / 1e9, AppendReplayBenchmark.perSecond(n, end - start),
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
        long start = System.nanoTime();
        JsonNode answer;
        try {
            answer = api.send(user, method, path, body);
        } catch (Api.Rejected | IOException e) {
            throw fail(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stop();
        }
        long took = System.nanoTime() - start;
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
