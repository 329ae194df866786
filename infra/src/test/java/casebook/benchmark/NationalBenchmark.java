package casebook.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The national benchmark of issue 7: a ten-year national store generated through the HTTP command API, then
 * command throughput at its size (P1), a full projection rebuild (P2), the officers' list queries under 64 readers
 * (P3), an as-of reconstruction (P4) and the memory and disk it takes (P6), each beside what the raw MongoDB driver
 * does on the same embedded server in the same run. A program, not a test:
 * <pre>
 * ./mvnw -B -q install -DskipTests &amp;&amp; ./mvnw -B -pl infra -Pbenchmark verify -Dbenchmark=national -Devents=100000
 * </pre>
 * System properties: {@code events} (100000: commands of the generation, one event each), {@code clients} (8: the
 * generation's clients), {@code activeCases} (1000: cases in progress at once, through generation and P1),
 * {@code measureCommands} (2000: commands per P1 client count), {@code readers} (64),
 * {@code dataDir} (a fresh temporary folder), {@code keep} (false: the data folder is deleted at the end).
 *
 * <p>The application runs inside this JVM (as in AppendReplayBenchmark), so the HTTP clients, the application and
 * the embedded database share the machine's cores, and the RSS and heap figures include the load's clients.
 */
public final class NationalBenchmark {

    static final int[] CLIENT_COUNTS = {1, 8, 32};
    /**
     * Cases in progress at once while the store is generated and P1 measured ({@code -DactiveCases}): a national fiscal year has some
     * 6,700 cases open together (at a million events), whose events interleave over its 100,000 positions. A thousand
     * at once spreads a grant case of two dozen events over some 24,000 positions, more than a rebuild's checkpoint
     * interval (ADR 0020), as in a real log; one case per client (the setting before the twenty-second session) put
     * each case's events within a few hundred positions, which flattered the rebuild. P1 goes on with the same cases
     * (since the twenty-third session; before, one case per client, which flattered the commands: each found its case
     * still in memory from its previous command).
     */
    static final int ACTIVE_CASES = 1000;

    private NationalBenchmark() {
    }

    record Run(int events, int generationClients, NationalLoad.Result generation, List<NationalLoad.Result> commands,
               List<Timings.Timed> rawInserts, List<Timings.Timed> rawDurableInserts, Timings.Timed rawScan,
               ReplayMeasure.Result rebuild, RawReadModelWrite.Result rawWrite, List<Read> reads,
               Timings.Timed asOf, double asOfFirstMs, int asOfEvents, Memory memory, long storeBytes, long storedEvents,
               Map<NationalCases.Stream, Long> cases, int bureaus, int municipalities, int prefectures) {
    }

    /** One P3 query: its timings over HTTP and the raw equality find on the collection it reads rows from. */
    record Read(String name, String collection, Timings.Timed http, Timings.Timed raw) {
    }

    /**
     * The JVM's memory: its resident set, the peak of that since {@link #peakUntilNow} last started a new one (since the
     * start otherwise), the live heap, and the peak while the load's case threads ran (0 if not measured apart).
     */
    record Memory(long rssBytes, long hwmBytes, long heapAfterGcBytes, long heapMaxBytes, long peakWithLoadBytes) {

        Memory withLoadPeak(long peak) {
            return new Memory(rssBytes, hwmBytes, heapAfterGcBytes, heapMaxBytes, peak);
        }
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("events", 100_000);
        int clients = Integer.getInteger("clients", 8);
        int activeCases = Integer.getInteger("activeCases", ACTIVE_CASES);
        int measure = Integer.getInteger("measureCommands", 2000);
        int readers = Integer.getInteger("readers", 64);
        boolean keep = Boolean.getBoolean("keep");
        Path dataDir = AppendReplayBenchmark.dataDir(System.getProperty("dataDir", ""));
        Path keyDir = Files.createTempDirectory("casebook-benchmark-keys-");
        System.out.printf("national benchmark: events=%d clients=%d activeCases=%d measureCommands=%d readers=%d dataDir=%s%n",
                events, clients, activeCases, measure, readers, dataDir);

        Api api = Api.withNewKeys(keyDir);
        NationalCases cases = new NationalCases();
        System.out.printf("reference data: %d bureaus %s, %d municipalities, %d prefectures; fiscal years %d-%d%n",
                cases.bureaus.size(), cases.bureaus, cases.municipalityCount(), cases.prefectureCount(),
                NationalCases.FIRST_YEAR, NationalCases.FIRST_YEAR + NationalCases.YEARS - 1);

        NationalLoad.Result generation;
        List<NationalLoad.Result> commands = new ArrayList<>();
        List<Timings.Timed> rawInserts = new ArrayList<>();
        List<Timings.Timed> rawDurableInserts = new ArrayList<>();
        List<Read> reads = new ArrayList<>();
        Timings.Timed rawScan;
        Timings.Timed asOf;
        double asOfFirstMs;
        Memory memory;
        long stored;
        try (ConfigurableApplicationContext app = AppendReplayBenchmark.boot(dataDir, null, api.trustProperty())) {
            MongoDatabase db = app.getBean(MongoDatabase.class);
            api.baseUrl(AppendReplayBenchmark.baseUrl(app));

            StoreOperations generating = StoreOperations.from(app.getBean(MeterRegistry.class));
            try (NationalLoad load = NationalLoad.start(api, cases, activeCases, "national")) {
                generation = load.run("generate", clients, events);
                catchUp(db);
                generating.print("generate", generation.ok()); // with the processors' work: how a command loads its case

                commands(app, load, measure, commands, rawInserts, rawDurableInserts);
            }
            long peakWithLoad = peakUntilNow();

            // P4 first (its case is written now), then P3 on a quiet store.
            AsOf a = asOf(api, cases);
            asOf = a.timed;
            asOfFirstMs = a.firstMs;
            catchUp(db);
            reads.addAll(reads(api, db, cases, readers));

            System.out.println("P2: raw sequential read of events");
            stored = ReplayMeasure.head(db);
            rawScan = Timings.rawRead(db, "events", stored);
            memory = memory().withLoadPeak(peakWithLoad);
            printCases(cases);
        }
        long storeBytes = AppendReplayBenchmark.sizeOf(dataDir);
        ReplayMeasure.Result rebuild = ReplayMeasure.rebuildAll(dataDir);
        RawReadModelWrite.Result rawWrite = RawReadModelWrite.run(dataDir);

        Map<NationalCases.Stream, Long> started = new LinkedHashMap<>();
        for (NationalCases.Stream s : NationalCases.Stream.values()) {
            started.put(s, cases.started(s));
        }
        Run run = new Run(events, clients, generation, commands, rawInserts, rawDurableInserts, rawScan, rebuild, rawWrite,
                reads, asOf, asOfFirstMs, 300, memory,
                storeBytes, stored, started, cases.bureaus.size(), cases.municipalityCount(), cases.prefectureCount());
        NationalReport.print(run);

        if (keep) {
            System.out.println("data kept in " + dataDir);
        } else {
            AppendReplayBenchmark.delete(dataDir);
        }
        AppendReplayBenchmark.delete(keyDir);
        long errors = generation.errors() + commands.stream().mapToLong(NationalLoad.Result::errors).sum();
        System.exit(errors == 0 ? 0 : 1);
    }

    /**
     * P1 at the store's size: the same mix of commands at each client count, then raw insertOne with as many threads
     * (without and with the durable commit a command's acknowledgement waits for).
     */
    static void commands(ConfigurableApplicationContext app, NationalLoad load, int measure,
                         List<NationalLoad.Result> commands, List<Timings.Timed> rawInserts,
                         List<Timings.Timed> rawDurableInserts) throws Exception {
        MongoDatabase db = app.getBean(MongoDatabase.class);
        for (int n : CLIENT_COUNTS) {
            SlowCommands slow = SlowCommands.from(app.getBean(MeterRegistry.class));
            StoreOperations store = StoreOperations.from(app.getBean(MeterRegistry.class));
            ProcessUse use = ProcessUse.start();
            commands.add(load.run("P1-" + n, n, measure));
            slow.print("P1-" + n);
            catchUp(db);
            // The bytes per command drive the collector's young pauses, which are P1's tail (twenty-ninth session).
            System.out.printf("P1-%d: this JVM %s; %.0f KB allocated per command%n", n, use.since(),
                    use.allocatedBytesSince() / 1024.0 / measure);
            store.print("P1-" + n, measure); // after the catch-up: with the processors' work for these commands
            System.out.printf("P1-%d: raw insertOne, %d threads%n", n, n);
            rawInserts.add(Timings.rawInsert(db, n, measure, commands.get(commands.size() - 1).seconds()));
            System.out.printf("P1-%d: raw insertOne and durable commit, %d threads%n", n, n);
            rawDurableInserts.add(Timings.rawInsert(db, n, measure, commands.get(commands.size() - 1).seconds(), true));
        }
    }

    /** Waits until the four projections have processed every stored event. */
    static void catchUp(MongoDatabase db) {
        long head = ReplayMeasure.head(db);
        long start = System.nanoTime();
        ReplayMeasure.watch(db, head, ReplayMeasure.ALL_PROCESSORS);
        System.out.printf("projections at event %d (%.1f s to catch up)%n", head, (System.nanoTime() - start) / 1e9);
    }

    // ------------------------------------------------------------------ P3

    static List<Read> reads(Api api, MongoDatabase db, NationalCases cases, int readers) throws Exception {
        int requests = readers * 25;
        List<String> bureaus = cases.bureaus;
        List<Read> result = new ArrayList<>();
        List<Object> engagementRows = Timings.ids(db, "engagement_rows");
        List<Object> grantRows = Timings.ids(db, "grant_rows");
        System.out.printf("P3: %d engagement rows, %d grant rows; %d readers, %d requests per query%n",
                engagementRows.size(), grantRows.size(), readers, requests);

        result.add(read("milestone matrix", "engagement_rows", engagementRows, api, db, readers, requests, i -> {
            Random r = new Random(i);
            String b = bureaus.get(r.nextInt(bureaus.size()));
            return new String[] {Api.officer(b), "/api/progress/matrix?bureau=" + b + "&fiscalYear="
                    + (NationalCases.FIRST_YEAR + r.nextInt(NationalCases.YEARS)) + "&programme=KASOKUKA"};
        }));
        result.add(read("grant worklist", "grant_rows", grantRows, api, db, readers, requests, i -> {
            Random r = new Random(i);
            String b = bureaus.get(r.nextInt(bureaus.size()));
            return new String[] {Api.officer(b), "/api/grant-cases?bureau=" + b + "&targetFiscalYear="
                    + (NationalCases.FIRST_YEAR + r.nextInt(NationalCases.YEARS))};
        }));
        result.add(read("deadline board", "grant_rows", grantRows, api, db, readers, requests, i -> {
            Random r = new Random(i);
            String b = bureaus.get(r.nextInt(bureaus.size()));
            // Six months around a day of the store's years, as an officer opening the board then would see it.
            LocalDate day = LocalDate.of(NationalCases.FIRST_YEAR, 4, 1).plusDays(r.nextInt(365 * NationalCases.YEARS));
            return new String[] {Api.officer(b), "/api/grants/deadlines?bureau=" + b + "&from=" + day.minusMonths(3)
                    + "&to=" + day.plusMonths(3)};
        }));
        return result;
    }

    interface Request {
        String[] of(long i);
    }

    private static Read read(String name, String collection, List<Object> ids, Api api, MongoDatabase db, int readers,
                             int requests, Request request) throws Exception {
        System.out.printf("P3: %s, %d readers%n", name, readers);
        Timings.Op op = (t, i) -> {
            String[] userAndPath = request.of(i);
            return api.get(userAndPath[0], userAndPath[1]).length();
        };
        Timings.loop(readers, Math.min(requests, 4L * readers), (t, i) -> op.run(t, i + 1_000_000)); // warm-up
        Timings.Timed http = Timings.loop(readers, requests, op);
        Timings.Timed raw = Timings.rawFind(db, collection, ids, readers, Math.max(requests, 10_000));
        return new Read(name, collection, http, raw);
    }

    // ------------------------------------------------------------------ P4

    record AsOf(Timings.Timed timed, double firstMs, String caseId) {
    }

    /**
     * A 加速化 engagement of FY2026 (after the store's years) worked through its milestones and then given decisions
     * until it has 300 events; the as-of instant lies between its 150th and 151st. One reader: the first request
     * (the case not yet read) timed alone, then 200 requests timed after 20 warm-ups.
     */
    static AsOf asOf(Api api, NationalCases cases) throws Exception {
        return asOf(api, cases, 0);
    }

    /** As above, with the {@code skip}-th municipality after the bureau's first (a kept store has the first's case). */
    static AsOf asOf(Api api, NationalCases cases, int skip) throws Exception {
        String bureau = cases.bureaus.get(0);
        var municipality = casebook.kernel.reference.ReferenceData.get().all().stream()
                .filter(casebook.kernel.reference.LocalGovernment::isBasicLocalGovernment)
                .filter(lg -> bureau.equals(casebook.kernel.reference.ReferenceData.get().bureauOf(lg).code()))
                .skip(skip).findFirst().orElseThrow();
        long[] version = {-1};
        NationalCases.Commands direct = (user, method, path, body) -> {
            try {
                JsonNode answer = api.send(user, method, path, body);
                version[0] = answer.path("version").asLong(version[0]);
                return answer;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        String id = NationalCases.kasokuka(direct, new Random(2026), municipality, bureau, 2026, false);
        String officer = Api.officer(bureau);
        Instant middle = null;
        for (int i = 0; version[0] < 299; i++) {
            if (middle == null && version[0] >= 149) {
                middle = Instant.now();
            }
            direct.send(officer, "POST", "/api/engagements/" + id + "/decisions", Map.of("decidedOn", "2027-03-1" + (i % 10),
                    "text", "追加の決定事項 " + i + "：次年度の取組方針を関係課で確認する"));
        }
        System.out.printf("P4: engagement %s has %d events; as-of %s%n", id, version[0] + 1, middle);
        String path = "/api/cases/" + id + "/state?asOfRecorded=" + middle;
        // The first answer reads and decodes the case; the auditor's next moves are answered from the decoded events.
        long first = System.nanoTime();
        api.get(Api.AUDITOR, path);
        double firstMs = (System.nanoTime() - first) / 1e6;
        Timings.loop(1, 20, (t, i) -> api.get(Api.AUDITOR, path).length());
        return new AsOf(Timings.loop(1, 200, (t, i) -> api.get(Api.AUDITOR, path).length()), firstMs, id);
    }

    // ------------------------------------------------------------------ P6

    /** This JVM's resident set (it holds the application, the embedded database and the load's clients). */
    static Memory memory() throws IOException {
        long rss = statusBytes("VmRSS");
        long hwm = statusBytes("VmHWM");
        System.gc(); // a measurement of the live heap, not synchronisation
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new Memory(rss, hwm, heap.getUsed(), heap.getMax(), 0);
    }

    /**
     * The peak resident set until now, after which Linux starts a new one ({@code clear_refs} 5). Called when the load's
     * thousand case threads have ended: their stacks (about 110 MiB, measured with native memory tracking in the
     * twenty-fifth session) are the benchmark's, not Casebook's, so P6 is judged on the peak after them (P4, P3, P2's
     * raw read) and the one with them is shown beside it.
     */
    static long peakUntilNow() throws IOException {
        long peak = statusBytes("VmHWM");
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | UnsupportedOperationException notLinux) {
            // An hour's generation is not thrown away for this: the peak after then still includes the load's threads.
            System.out.println("P6: no new peak started (" + notLinux + "); the peak after the load includes it");
        }
        return peak;
    }

    /** A size from this process's {@code /proc/self/status} ("VmRSS: 1234 kB"), in bytes; 0 if absent. */
    private static long statusBytes(String field) throws IOException {
        return statusBytes("self", field);
    }

    /** A size from {@code /proc/<process>/status} ("VmRSS: 1234 kB"; process "self" or a pid), in bytes; 0 if absent. */
    static long statusBytes(String process, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", process, "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }

    private static void printCases(NationalCases cases) {
        StringBuilder s = new StringBuilder("cases started:");
        for (NationalCases.Stream stream : NationalCases.Stream.values()) {
            s.append(' ').append(stream).append('=').append(cases.started(stream));
        }
        System.out.println(s);
    }
}
