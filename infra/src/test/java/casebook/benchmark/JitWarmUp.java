package casebook.benchmark;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Warms a restarted application until the JIT compiler is quiet, for the benchmarks that measure a kept store. On two
 * cores the JVM has one C2 compiler thread, and for Casebook's code (WebFlux, Security, Axon, the driver, the embedded
 * server, H2) it took a whole core for three to five minutes of load at 8 clients after a restart (thirteenth session:
 * 30,000-70,000 commands), so a restarted application measured at once runs at about half its rate. The national run
 * measures after generating for many minutes, when the compiler is busy about 16 % of the time; a round of work is
 * repeated here until the compiler was busy for less than a fifth of it.
 */
final class JitWarmUp {

    /** The compiler's share of a round's wall time below which the application counts as warm. */
    private static final double QUIET = 0.2;

    @FunctionalInterface
    interface Round {
        void run(int number) throws Exception;
    }

    private JitWarmUp() {
    }

    static void untilQuiet(String what, int maxRounds, Round round) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        for (int number = 1; number <= maxRounds; number++) {
            long compiledMillis = jit.getTotalCompilationTime();
            long start = System.nanoTime();
            round.run(number);
            double busy = (jit.getTotalCompilationTime() - compiledMillis) * 1e6 / (System.nanoTime() - start);
            System.out.printf(Locale.ROOT, "%s round %d: the JIT compiler was busy %.0f %% of it%n", what, number, busy * 100);
            if (busy < QUIET) {
                return;
            }
        }
        System.out.printf("%s: the JIT compiler was still busy after %d rounds; measuring anyway%n", what, maxRounds);
    }
}
