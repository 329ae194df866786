package casebook.benchmark;

import casebook.embedded.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;

/**
 * P2 alone, on a store kept by an earlier run ({@code -Dkeep=true -DdataDir=...} of the national benchmark): the raw
 * sequential read of its events, then a rebuild of all four projections from the first event, as the administrator
 * starts it ({@code POST /api/admin/operations/rebuild}: one replay of the log for all, docs/adr/0021). A rebuild of the 1M
 * store takes minutes where generating it again takes an hour, so a change to the projections is measured on the
 * same million events:
 * <pre>
 * ./mvnw -B -pl infra -Pbenchmark verify -Dbenchmark=rebuild -DdataDir=/path/to/kept/store
 * </pre>
 * Then the raw write of the rebuilt read models ({@link RawReadModelWrite}), the second half of what the embedded
 * server needs for a rebuild. The store is changed only as a rebuild changes it (the read models are written again;
 * the raw write's copies are dropped).
 */
final class RebuildBenchmark {

    private RebuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = AppendReplayBenchmark.keptStore();
        long head;
        Timings.Timed raw;
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoDatabase db = client.getDatabase(AppendReplayBenchmark.DATABASE);
            head = ReplayMeasure.head(db);
            System.out.printf("rebuild benchmark: %d events in %s; raw read of events first%n", head, dataDir);
            raw = Timings.rawRead(db, "events", head);
        }
        // -Drestore=true: as after a restore (read models dropped, no tokens, the application started on it) instead
        // of the administrator's rebuild in the running application.
        boolean restore = Boolean.getBoolean("restore");
        ReplayMeasure.Result r = restore
                ? ReplayMeasure.run(dataDir, ReplayMeasure.ALL_PROJECTIONS, ReplayMeasure.ALL_PROCESSORS)
                : ReplayMeasure.rebuildAll(dataDir);
        RawReadModelWrite.Result written = RawReadModelWrite.run(dataDir);
        double share = r.rate() / raw.rate();
        double at1m = 1_000_000 / r.rate();
        System.out.printf("%nCasebook rebuild benchmark  events=%d  machine=%d cores, java %s  commit=%s%n", head,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Report.commit());
        System.out.printf("P2 %s, all four projections   %.0f ev/s  %.1f s   raw read of events %.0f docs/s   %.1f %%"
                        + "   goal ≥ 50 %% of raw, ≤ %.0f s at 1M: %s%n", restore ? "replay after a restore" : "rebuild", r.rate(), r.seconds(), raw.rate(), 100 * share,
                NationalReport.P2_SECONDS_AT_1M, share >= NationalReport.P2_SHARE && at1m <= NationalReport.P2_SECONDS_AT_1M
                        ? "yes" : "NO");
        System.out.printf("  projected %.0f s at 1M events; %d engagements rebuilt; event-store stream read %.0f ev/s%n",
                at1m, r.engagements(), r.streamRate());
        System.out.println("  " + NationalReport.rawFloor(head / raw.rate(), written, r.seconds()));
        // Axon's handler-timeout scheduler leaves a non-daemon thread (axon-janitor) behind once the application is
        // closed, which kept this JVM, and the Maven build waiting on it, alive after the table was printed.
        System.exit(0);
    }
}
