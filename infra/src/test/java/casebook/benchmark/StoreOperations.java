package casebook.benchmark;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What a phase's commands cost the store, from the driver's own timer ({@code mongodb.driver.commands}, by command
 * and collection): store operations per command (the command's append and look-ups, and the processors' reads and
 * writes of the read models for its events) and the time the driver waited for them. Against the raw single insert
 * beside P1, this says how much of a command's work is the store's.
 */
final class StoreOperations {

    private static final String METER = "mongodb.driver.commands";
    private static final String LOOKUPS = "casebook.cases.lookups";

    private final MeterRegistry meters;
    private final Map<String, double[]> before;
    private final double hitsBefore;
    private final double missesBefore;

    private StoreOperations(MeterRegistry meters, boolean fromNow) {
        this.meters = meters;
        this.before = fromNow ? snapshot() : Map.of();
        this.hitsBefore = fromNow ? lookups("hit") : 0;
        this.missesBefore = fromNow ? lookups("miss") : 0;
    }

    /** Counts from now on. */
    static StoreOperations from(MeterRegistry meters) {
        return new StoreOperations(meters, true);
    }

    /** Counts everything the application's client has done since it was made (a rebuild from the start). */
    static StoreOperations sinceStart(MeterRegistry meters) {
        return new StoreOperations(meters, false);
    }

    /** Prints the operations since this was made, per one of the phase's {@code commands}. */
    void print(String phase, long commands) {
        print(phase, commands, "command");
    }

    /** Prints the operations since this was made, per one of {@code units} (commands, events). */
    void print(String phase, long units, String unit) {
        Map<String, double[]> after = snapshot();
        Map<String, Double> byCommand = new HashMap<>();
        Map<String, Double> byCollection = new HashMap<>();
        double operations = 0;
        double millis = 0;
        for (Map.Entry<String, double[]> e : after.entrySet()) {
            double[] was = before.getOrDefault(e.getKey(), new double[2]);
            double count = e.getValue()[0] - was[0];
            if (count <= 0) {
                continue;
            }
            String[] commandAndCollection = e.getKey().split(" ", 2);
            byCommand.merge(commandAndCollection[0], count, Double::sum);
            byCollection.merge(commandAndCollection[1], count, Double::sum);
            operations += count;
            millis += e.getValue()[1] - was[1];
        }
        System.out.printf("%s: store operations per %s %.1f (%s), %.2f ms of store time per %s (%.0f s in all);"
                        + " most used collections per %s: %s%n", phase, unit, operations / units,
                perUnit(byCommand, units, 8), millis / units, unit, millis / 1000, unit, perUnit(byCollection, units, 8));
        double hits = lookups("hit") - hitsBefore;
        double lookups = hits + lookups("miss") - missesBefore;
        if (lookups > 0) {
            // A miss loads the case: its snapshot head and snapshot, and the events after it (ADR 0022).
            System.out.printf("%s: cases found in memory for %.1f %% of %.0f look-ups%n", phase, 100 * hits / lookups, lookups);
        }
    }

    private double lookups(String result) {
        FunctionCounter c = meters.find(LOOKUPS).tag("result", result).functionCounter();
        return c == null ? 0 : c.count();
    }

    private static String perUnit(Map<String, Double> counts, long units, int most) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(most)
                .map(e -> String.format("%s %.2f", e.getKey(), e.getValue() / units))
                .collect(Collectors.joining(", "));
    }

    /** "command collection" → {count, total milliseconds}. */
    private Map<String, double[]> snapshot() {
        Map<String, double[]> counts = new HashMap<>();
        for (Timer t : meters.find(METER).timers()) {
            String key = t.getId().getTag("command") + " " + t.getId().getTag("collection");
            double[] c = counts.computeIfAbsent(key, k -> new double[2]);
            c[0] += t.count();
            c[1] += t.totalTime(TimeUnit.MILLISECONDS);
        }
        return counts;
    }
}
