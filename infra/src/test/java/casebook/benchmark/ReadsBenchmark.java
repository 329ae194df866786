package casebook.benchmark;

import casebook.embedded.EmbeddedMongo;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * P3 and P4 alone, on a store kept by an earlier national run ({@code -Dkeep=true -DdataDir=...}): the application
 * boots on it (its projections resume from their tokens), then the officers' list queries under the readers and an
 * as-of reconstruction of a new 300-event case, with the memory it then holds. It first waits (up to
 * {@code -DsettleMinutes=30}) for the embedded store to finish rewriting chunks, which a rebuild leaves it doing, then
 * runs the same reads unmeasured until the JIT compiler is quiet ({@link JitWarmUp}). A change to the read side is
 * measured on the same million events without generating them again:
 * <pre>
 * ./mvnw -B -pl infra -Pbenchmark verify -Dbenchmark=reads -DdataDir=/path/to/kept/store
 * </pre>
 * The store gains the as-of case's 300 events.
 */
final class ReadsBenchmark {

    private ReadsBenchmark() {
    }

    /** How long the rewrite may leave the count of sparse chunks where it was before the wait gives up. */
    private static final long STALL_NANOS = TimeUnit.MINUTES.toNanos(2);

    /**
     * Waits until the embedded store's housekeeper has no sparse chunk left to rewrite (a store just rebuilt is half
     * dead data), so that reads are measured on a quiet store. A few chunks the housekeeper leaves where they are (seen at
     * 70-75 % live) would otherwise hold the wait to its limit: once the count has not fallen for two minutes, the
     * store is as settled as it gets.
     */
    static void settle(EmbeddedMongo store, int maxMinutes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(maxMinutes);
        long nextPrint = 0;
        int fewest = Integer.MAX_VALUE;
        long fellAt = System.nanoTime();
        while (store.sparseChunks() > 0 && System.nanoTime() < deadline) {
            int sparse = store.sparseChunks();
            if (sparse < fewest) {
                fewest = sparse;
                fellAt = System.nanoTime();
            } else if (System.nanoTime() - fellAt > STALL_NANOS) {
                System.out.printf("reads benchmark: no progress for two minutes; %d sparse chunks stay%n", sparse);
                break;
            }
            if (System.nanoTime() >= nextPrint) {
                System.out.printf("reads benchmark: the store is %d %% live data; waiting for the rewrite of %d sparse chunks%n",
                        store.chunksFillRate(), sparse);
                nextPrint = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            }
            Thread.sleep(1000); // a benchmark program waiting for a background job, not a test's synchronisation
        }
        System.out.printf("reads benchmark: the store is %d %% live data%n", store.chunksFillRate());
    }

    public static void main(String[] args) throws Exception {
        int readers = Integer.getInteger("readers", 64);
        Path dataDir = AppendReplayBenchmark.keptStore();
        Path keyDir = Files.createTempDirectory("casebook-benchmark-keys-");
        Api api = Api.withNewKeys(keyDir);
        NationalCases cases = new NationalCases();
        List<NationalBenchmark.Read> reads;
        NationalBenchmark.AsOf asOf;
        NationalBenchmark.Memory memory;
        long head;
        try (ConfigurableApplicationContext app = AppendReplayBenchmark.boot(dataDir, null, api.trustProperty())) {
            MongoDatabase db = app.getBean(MongoDatabase.class);
            api.baseUrl(AppendReplayBenchmark.baseUrl(app));
            head = ReplayMeasure.head(db);
            ReplayMeasure.watch(db, head, ReplayMeasure.ALL_PROCESSORS);
            settle(app.getBean(EmbeddedMongo.class), Integer.getInteger("settleMinutes", 30));
            System.out.printf("reads benchmark: %d events in %s, projections at the head%n", head, dataDir);
            // The same reads, unmeasured, until the JIT compiler is quiet.
            JitWarmUp.untilQuiet("warm-up", Integer.getInteger("warmUpRounds", 30),
                    round -> NationalBenchmark.reads(api, db, cases, readers));
            // A municipality without a FY2026 加速化 case yet: each run on the store adds 300 events, so this moves on.
            asOf = NationalBenchmark.asOf(api, cases, 1 + (int) (head / 300 % 50));
            ReplayMeasure.watch(db, ReplayMeasure.head(db), ReplayMeasure.ALL_PROCESSORS);
            reads = NationalBenchmark.reads(api, db, cases, readers);
            memory = NationalBenchmark.memory();
        }
        AppendReplayBenchmark.delete(keyDir);
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nCasebook reads benchmark  events=%d  machine=%d cores, java %s  commit=%s%n", head,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Report.commit()));
        for (NationalBenchmark.Read q : reads) {
            out.append(String.format("P3 %-28s p50/p99 %.1f/%.1f ms  %.0f/s   raw find {_id} %s %.1f/%.1f ms   %.0f KB per answer"
                            + "   goal p99 ≤ %.0f ms: %s%n", q.name() + ", " + q.http().threads() + " readers",
                    q.http().p50Ms(), q.http().p99Ms(), q.http().rate(), q.collection(), q.raw().p50Ms(), q.raw().p99Ms(),
                    q.http().meanBytes() / 1024, NationalReport.P3_P99_MS,
                    q.http().p99Ms() <= NationalReport.P3_P99_MS ? "yes" : "NO"));
        }
        out.append(String.format("P4 as-of, 300-event case         p50/p99 %.1f/%.1f ms, first read %.1f ms   goal p50 ≤ %.0f ms: %s%n",
                asOf.timed().p50Ms(), asOf.timed().p99Ms(), asOf.firstMs(), NationalReport.P4_P50_MS,
                asOf.timed().p50Ms() <= NationalReport.P4_P50_MS ? "yes" : "NO"));
        out.append(String.format("P6 RSS %.0f MB (peak %.0f MB), heap used after GC %.0f MB of %.0f MB%n", memory.rssBytes() / 1e6,
                memory.hwmBytes() / 1e6, memory.heapAfterGcBytes() / 1e6, memory.heapMaxBytes() / 1e6));
        System.out.print(out);
    }
}
