package casebook.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Step 4: one table with every rate, and each Casebook rate as a share of the raw driver's. */
final class Report {

    private Report() {
    }

    static void print(int events, int clients, RawBaseline.Result raw, CommandLoad.Result load,
                      ReplayMeasure.Result replay, long storeBytes) {
        StringBuilder out = new StringBuilder("\n");
        out.append(String.format(Locale.ROOT, "Casebook benchmark  events=%d clients=%d  machine=%d cores, java %s  commit=%s%n",
                events, clients, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), commit()));
        out.append(String.format("%-32s %14s   %s%n", "measure", "rate (ops/s)", "vs raw"));
        row(out, "raw insertOne (" + clients + " threads)", raw.insertRate(), "");
        row(out, "raw find scan (batch 1000)", raw.scanRate(), "");
        row(out, "raw $in on _id (100/chunk)", raw.inRate(), "");
        row(out, "append via HTTP (" + clients + " clients)", load.rate(), share(load.rate(), raw.insertRate(), "raw insert"));
        out.append(String.format(Locale.ROOT, "%-32s %14s%n", "  p50 / p99 latency (ms)",
                String.format(Locale.ROOT, "%.1f / %.1f", load.p50Ms(), load.p99Ms())));
        out.append(String.format("%-32s %s%n", "  rate by decile",
                Arrays.stream(load.decileRates()).mapToObj(r -> String.format(Locale.ROOT, "%.0f", r))
                      .collect(Collectors.joining(" "))));
        row(out, "event-store stream read", replay.streamRate(), share(replay.streamRate(), raw.scanRate(), "raw scan"));
        row(out, "projection rebuild (replay)", replay.rate(), share(replay.rate(), raw.scanRate(), "raw scan"));
        out.append(String.format(Locale.ROOT, "%-32s %14.1f%n", "store size on disk (MB)", storeBytes / 1e6));
        out.append(String.format(Locale.ROOT, "%nraw: %d documents of %d bytes (BSON; stored events average %d), dropped "
                + "afterwards%n", raw.docs(), raw.docBytes(), replay.eventBytes()));
        out.append(String.format(Locale.ROOT, "append: %d events stored by 2xx answers, %d errors, %d engagements registered%n",
                load.ok(), load.errors(), load.engagements()));
        out.append(String.format(Locale.ROOT, "stream read: %d events; replay: %d events in %.1f s from the first token "
                        + "(%.1f s from the restart, boot included); %d engagements rebuilt%n",
                replay.streamed(), replay.head(), replay.seconds(), replay.sinceRestartSeconds(), replay.engagements()));
        System.out.print(out);
    }

    private static void row(StringBuilder out, String measure, double rate, String vsRaw) {
        out.append(String.format(Locale.ROOT, "%-32s %14.0f   %s%n", measure, rate, vsRaw).stripTrailing()).append('\n');
    }

    private static String share(double rate, double raw, String of) {
        double percent = 100 * rate / raw;
        return raw <= 0 ? "" : String.format(Locale.ROOT, percent < 10 ? "%.1f %% of %s" : "%.0f %% of %s", percent, of);
    }

    /** The commit being measured, with "-dirty" if the tree has changes; "n/a" outside a git checkout. */
    static String commit() {
        try {
            Process git = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true).start();
            try (InputStream in = git.getInputStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                return git.waitFor() == 0 && !text.isEmpty() ? text : "n/a";
            }
        } catch (IOException e) {
            return "n/a";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "n/a";
        }
    }
}
