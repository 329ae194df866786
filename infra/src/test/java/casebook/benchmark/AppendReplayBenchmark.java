package casebook.benchmark;

import casebook.app.CasebookApplication;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How fast Casebook appends events through its command API and rebuilds its projections from them, next to
 * what the plain MongoDB driver does on the same embedded server. A program, not a test:
 * <pre>
 * ./mvnw -B -q install -DskipTests &amp;&amp; ./mvnw -B -pl infra -Pbenchmark verify -Devents=100000 -Dclients=8
 * </pre>
 * System properties: {@code events} (100000), {@code clients} (8), {@code dataDir} (a fresh temporary folder),
 * {@code keep} (false: the data folder is deleted at the end).
 */
public final class AppendReplayBenchmark {

    static final String DATABASE = "casebook";

    private AppendReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("events", 100_000);
        int clients = Integer.getInteger("clients", 8);
        boolean keep = Boolean.getBoolean("keep");
        Path dataDir = dataDir(System.getProperty("dataDir", ""));
        System.out.printf("benchmark: events=%d clients=%d dataDir=%s%n", events, clients, dataDir);

        RawBaseline.Result raw;
        CommandLoad.Result load;
        try (ConfigurableApplicationContext app = boot(dataDir, null)) {
            raw = RawBaseline.run(app.getBean(MongoDatabase.class), Math.min(events, 20_000), clients);
            load = CommandLoad.run(baseUrl(app), events, clients);
        }
        ReplayMeasure.Result replay = ReplayMeasure.run(dataDir);
        long storeBytes = sizeOf(dataDir);
        AuditMeasure.Result audit = AuditMeasure.run(dataDir);
        Report.print(events, clients, raw, load, replay, storeBytes);
        AuditMeasure.print(audit);

        if (keep) {
            System.out.println("data kept in " + dataDir);
        } else {
            delete(dataDir);
        }
        System.exit(load.errors() == 0 ? 0 : 1);
    }

    /**
     * The application as RunningCasebook starts it, with answers that do not wait for the projections unless
     * {@code -DprojectionWait} (as production does: 2s) says otherwise.
     */
    static ConfigurableApplicationContext boot(Path dataDir, ApplicationContextInitializer<ConfigurableApplicationContext> init,
                                               String... moreArgs) {
        return boot(init, List.of("--casebook.mongodb.data-dir=" + dataDir, "--casebook.mongodb.uri="), moreArgs);
    }

    /** As {@link #boot(Path, ApplicationContextInitializer, String...)}, on a server of its own at {@code uri}. */
    static ConfigurableApplicationContext bootOn(String uri, String... moreArgs) {
        return boot(null, List.of("--casebook.mongodb.uri=" + uri), moreArgs);
    }

    private static ConfigurableApplicationContext boot(ApplicationContextInitializer<ConfigurableApplicationContext> init,
                                                       List<String> store, String... moreArgs) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(CasebookApplication.class);
        if (init != null) {
            builder.initializers(init);
        }
        List<String> args = new ArrayList<>(store);
        args.addAll(List.of("--server.port=0", "--casebook.demo-data=false", "--casebook.demo-users=true",
                "--casebook.projection-wait=" + System.getProperty("projectionWait", "0s"), "--logging.level.root=WARN", "--logging.level.casebook.embedded=DEBUG"));
        args.addAll(List.of(moreArgs));
        return builder.run(args.toArray(String[]::new));
    }

    static String baseUrl(ConfigurableApplicationContext app) {
        return "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    static double perSecond(long count, long nanos) {
        return nanos <= 0 ? 0 : count * 1e9 / nanos;
    }

    /** The store named by {@code -DdataDir} for the benchmarks that measure a store kept by an earlier run. */
    static Path keptStore() {
        String dir = System.getProperty("dataDir", "");
        if (dir.isBlank() || !Files.isDirectory(Path.of(dir))) {
            throw new IllegalArgumentException("-DdataDir must name a store kept by an earlier run");
        }
        return Path.of(dir);
    }

    static Path dataDir(String given) throws IOException {
        if (given.isBlank() || given.startsWith("${")) {
            return Files.createTempDirectory("casebook-benchmark-");
        }
        Path dir = Path.of(given).toAbsolutePath();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                if (files.findAny().isPresent()) {
                    throw new IllegalArgumentException("dataDir " + dir + " is not empty; the benchmark needs a fresh one");
                }
            }
        }
        return dir;
    }

    static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
