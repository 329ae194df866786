package casebook.benchmark;

import casebook.embedded.EmbeddedMongo;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * P1 alone, on a store kept by an earlier run ({@code -Dkeep=true -DdataDir=...} of the national benchmark): the
 * same mix of commands at 1, 8 and 32 clients, each beside raw insertOne on the same server. Generating a million
 * events again takes half an hour; a change that may move the commands (the embedded store's cache, say) is
 * measured on the same store in minutes:
 * <pre>
 * ./mvnw -B -pl infra -Pbenchmark verify -Dbenchmark=commands -DdataDir=/path/to/kept/store
 * </pre>
 * As {@code -Dbenchmark=reads}, it first waits for the embedded store's rewrite of sparse chunks ({@code
 * -DsettleMinutes=30} at most). The commands go on with the cases after those the store holds (counted in its read models), so none is refused
 * as a repeat. {@code -DwarmUpCommands=20000} commands at 8 clients, not measured, come first, then more until the JIT compiler
 * is quiet (the national run measures P1 right after generating its store). The store gains the warm-up's events and
 * {@code 3 × measureCommands}. {@code -DstoreProcess=true} runs the embedded server as a process of its own
 * ({@code -DstoreHeap=512m}), as production runs its database: {@link StoreProcess}.
 */
final class CommandsBenchmark {

    private CommandsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int measure = Integer.getInteger("measureCommands", 2000);
        Path dataDir = AppendReplayBenchmark.keptStore();
        Path keyDir = Files.createTempDirectory("casebook-benchmark-keys-");
        Api api = Api.withNewKeys(keyDir);
        NationalCases cases = new NationalCases();
        List<NationalLoad.Result> commands = new ArrayList<>();
        List<Timings.Timed> rawInserts = new ArrayList<>();
        List<Timings.Timed> rawDurableInserts = new ArrayList<>();
        long head;
        long storeRssMib = -1;
        try (StoreProcess store = Boolean.getBoolean("storeProcess")
                ? StoreProcess.start(dataDir, System.getProperty("storeHeap", "512m")) : null;
             ConfigurableApplicationContext app = store == null
                     ? AppendReplayBenchmark.boot(dataDir, null, api.trustProperty())
                     : AppendReplayBenchmark.bootOn(store.uri(), api.trustProperty())) {
            MongoDatabase db = app.getBean(MongoDatabase.class);
            api.baseUrl(AppendReplayBenchmark.baseUrl(app));
            head = ReplayMeasure.head(db);
            NationalBenchmark.catchUp(db);
            if (store == null) {
                ReadsBenchmark.settle(app.getBean(EmbeddedMongo.class), Integer.getInteger("settleMinutes", 30));
            } else {
                System.out.println("commands benchmark: the store's own process rewrites its sparse chunks; not waited for");
            }
            skipStoredCases(db, cases);
            System.out.printf("commands benchmark: %d events in %s, projections at the head%n", head, dataDir);
            try (NationalLoad load = NationalLoad.start(api, cases,
                    Integer.getInteger("activeCases", NationalBenchmark.ACTIVE_CASES), "commands")) {
                warmUp(load);
                NationalBenchmark.catchUp(db);
                NationalBenchmark.commands(app, load, measure, commands, rawInserts, rawDurableInserts);
            }
            storeRssMib = store == null ? -1 : store.peakRssMib();
        }
        AppendReplayBenchmark.delete(keyDir);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%nCasebook commands benchmark  events=%d (before the measured commands)  machine=%d cores, java %s  commit=%s%n",
                head, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Report.commit()));
        NationalReport.commandRows(out, commands, rawInserts, rawDurableInserts);
        if (storeRssMib >= 0) {
            out.append(String.format(Locale.ROOT, "store in a process of its own: peak RSS %d MiB; this JVM's %d MiB%n",
                    storeRssMib, NationalBenchmark.statusBytes("self", "VmHWM") >> 20));
        }
        System.out.print(out);
        long errors = commands.stream().mapToLong(NationalLoad.Result::errors).sum();
        System.exit(errors == 0 ? 0 : 1);
    }

    /** 20,000 commands at 8 clients, then rounds of 2,000 until the JIT compiler is quiet ({@link JitWarmUp}). */
    private static void warmUp(NationalLoad load) throws Exception {
        load.run("warm-up", 8, Integer.getInteger("warmUpCommands", 20_000));
        JitWarmUp.untilQuiet("warm-up", Integer.getInteger("warmUpRounds", 30),
                round -> load.run("warm-up round " + round, 8, 2_000));
    }

    /**
     * Every case the store holds, counted in its read models (whole collections: the embedded server would decode
     * every document to count those matching a filter), is passed over.
     */
    private static void skipStoredCases(MongoDatabase db, NationalCases cases) {
        long grants = db.getCollection("grant_cases").estimatedDocumentCount();
        long engagements = db.getCollection("engagements").estimatedDocumentCount();
        long inquiries = db.getCollection("inquiries").estimatedDocumentCount();
        cases.skipStarted(grants, engagements, inquiries);
        StringBuilder started = new StringBuilder();
        for (NationalCases.Stream s : NationalCases.Stream.values()) {
            started.append(' ').append(s).append('=').append(cases.started(s));
        }
        System.out.printf("commands benchmark: the store holds %d grant cases, %d engagements, %d inquiries; passed over%s%n",
                grants, engagements, inquiries, started);
    }
}
