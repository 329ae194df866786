package casebook.benchmark;

import casebook.axon.ProcessingGroups;
import casebook.embedded.EmbeddedMongo;
import casebook.operations.OperationProgress;
import casebook.operations.ProjectionRebuild;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Step 3: a full rebuild. Of the foundation's two projections ({@link #run(Path)}): with the application stopped,
 * their collections and the two processors' tokens are deleted; then it is started again on the same data, and the
 * stored tokens are polled (by _id, every 200 ms) until both reach the head of the global sequence, as after a
 * restore. Of every read model ({@link #rebuildAll(Path)}): the administrator's operation
 * ({@code POST /api/admin/operations/rebuild}, docs/adr/0021), started in the running application and timed until it
 * has succeeded. Then the whole store is streamed once through the application's EventStorageEngine.
 */
final class ReplayMeasure {

    record Result(long head, double seconds, double sinceRestartSeconds, double rate, long streamed, double streamRate,
                  long engagements, int eventBytes) {
    }

    /**
     * {@code audit_events} is no read model since ADR 0014 (the timeline reads the log); it is dropped with them so
     * that a store kept from before is measured as a new one would be.
     */
    private static final List<String> PROJECTIONS = List.of("engagements", "engagement_buckets", "audit_events", "audit_cases");
    private static final List<String> PROCESSORS = List.of(ProcessingGroups.PROGRESS, ProcessingGroups.AUDIT_TRAIL);
    /** Every read model of the four processors (casebook.axon.ProcessingGroups), for a rebuild of them all (and the retired copy). */
    static final List<String> ALL_PROJECTIONS = List.of("engagements", "engagement_buckets", "engagement_rows",
            "engagement_bucket_stamps", "audit_events", "audit_cases", "grant_cases", "grant_buckets", "grant_rows",
            "grant_bucket_stamps", "inquiries", "inquiry_buckets", "inquiry_rows", "consultations", "consultation_buckets",
            "consultation_rows");
    static final List<String> ALL_PROCESSORS = ProcessingGroups.ALL;
    private static final long POLL_MS = 200;
    private static final long STALL_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final long PRINT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplayMeasure() {
    }

    static Result run(Path dataDir) throws Exception {
        return run(dataDir, PROJECTIONS, PROCESSORS);
    }

    /** The rebuild of the given read models, timed until every segment of the given processors reaches the head. */
    static Result run(Path dataDir, List<String> projections, List<String> processors) throws Exception {
        Map<String, String> before = new LinkedHashMap<>();
        long head = clearProjections(dataDir, projections, processors, before);
        System.out.printf("replay: rebuilding %s from %d events (their tokens deleted, the application started again)%n", processors, head);
        CompletableFuture<MongoDatabase> database = new CompletableFuture<>();
        // The watcher starts polling as soon as the application has a database, while it is still booting.
        long restart = System.nanoTime();
        CompletableFuture<long[]> watched = database.thenApplyAsync(db -> watch(db, head, processors));
        try (ConfigurableApplicationContext app = AppendReplayBenchmark.boot(dataDir, context ->
                context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                    @Override
                    public Object postProcessAfterInitialization(Object bean, String name) {
                        if (bean instanceof MongoDatabase db) {
                            database.complete(db);
                        }
                        return bean;
                    }
                }))) {
            long[] startedAndDone = watched.get();
            double seconds = (startedAndDone[1] - startedAndDone[0]) / 1e9;
            // Every operation of the application's client so far: the rebuild's, with the boot's and the watcher's few.
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            StoreOperations.sinceStart(meters).print("rebuild", head, "event");
            printBatches(meters);
            MongoDatabase db = app.getBean(MongoDatabase.class);
            long engagements = db.getCollection("engagements").estimatedDocumentCount();
            if (projections.containsAll(ALL_PROJECTIONS)) {
                ReadModelSums.check(before, ReadModelSums.of(db));
            }
            Streamed streamed = stream(app);
            return new Result(head, seconds, (startedAndDone[1] - restart) / 1e9, head / seconds, streamed.count(),
                    streamed.rate(), engagements, averageEventSize(db, head));
        }
    }

    /**
     * The rebuild of every read model as the administrator starts it: the application boots on the store (caught up),
     * notes its {@link ReadModelSums}, runs the full rebuild and checks that the read models come back the same.
     */
    static Result rebuildAll(Path dataDir) throws Exception {
        try (ConfigurableApplicationContext app = AppendReplayBenchmark.boot(dataDir, null)) {
            MongoDatabase db = app.getBean(MongoDatabase.class);
            long head = head(db);
            watch(db, head, ALL_PROCESSORS);
            Map<String, String> before = ReadModelSums.of(db);
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            StoreOperations rebuilding = StoreOperations.from(meters);
            System.out.printf("replay: rebuilding every read model from %d events (the administrator's operation)%n", head);
            long start = System.nanoTime();
            ProcessUse use = ProcessUse.start();
            EmbeddedMongo store = app.getBeanProvider(EmbeddedMongo.class).getIfAvailable();
            EmbeddedMongo.Commits commitsBefore = store == null ? null : store.commits();
            OperationProgress op = app.getBean(ProjectionRebuild.class).startAll("benchmark");
            long lastPrint = start;
            while (op.state() == OperationProgress.State.RUNNING) {
                Thread.sleep(POLL_MS);
                if (System.nanoTime() - lastPrint > PRINT_NANOS) {
                    System.out.println("replay: " + op.line());
                    lastPrint = System.nanoTime();
                }
            }
            long done = System.nanoTime();
            if (op.state() != OperationProgress.State.SUCCEEDED) {
                throw new IllegalStateException("the rebuild failed: " + op.view().error());
            }
            double seconds = (done - start) / 1e9;
            System.out.println("rebuild: " + use.since());
            if (store != null) {
                EmbeddedMongo.Commits commits = store.commits().since(commitsBefore);
                System.out.printf("rebuild: the embedded store committed %d times, holding it %.1f s (%.0f %% of the "
                                + "rebuild, no operation running meanwhile), waiting %.1f s for running operations first "
                                + "and writing %.1f s beside them%n",
                        commits.count(), commits.holdingSeconds(), 100 * commits.holdingSeconds() / seconds,
                        commits.waitingSeconds(), commits.writingSeconds());
            }
            rebuilding.print("rebuild", head, "event");
            printBatches(meters);
            long engagements = db.getCollection("engagements").estimatedDocumentCount();
            ReadModelSums.check(before, ReadModelSums.of(db));
            Streamed streamed = stream(app);
            return new Result(head, seconds, seconds, head / seconds, streamed.count(), streamed.rate(), engagements,
                    averageEventSize(db, head));
        }
    }

    private record Streamed(long count, double rate) {
    }

    private static Streamed stream(ConfigurableApplicationContext app) {
        System.out.println("replay: streaming every event through the EventStorageEngine");
        EventStorageEngine engine = app.getBean(EventStorageEngine.class);
        AtomicLong streamed = new AtomicLong();
        long start = System.nanoTime();
        try (Stream<?> all = engine.readEvents(null, false)) {
            all.forEach(e -> streamed.incrementAndGet());
        }
        return new Streamed(streamed.get(), AppendReplayBenchmark.perSecond(streamed.get(), System.nanoTime() - start));
    }

    private static void printBatches(MeterRegistry meters) {
        System.out.printf("rebuild: settled batches of the log read from the store %.0f, taken from another "
                + "processor's read %.0f%n", meters.counter("casebook.events.replay.batches", "source", "store").count(),
                meters.counter("casebook.events.replay.batches", "source", "shared").count());
        // Every batch of the rebuild (and the boot's few): what a batch's fixed costs are shared by (ADR 0019).
        StringBuilder batches = new StringBuilder("rebuild: events per batch, mean (batches):");
        meters.find("casebook.processor.batch.events").summaries().forEach(s -> batches.append(String.format(
                " %s %.1f (%d)", s.getId().getTag("processor"), s.mean(), s.count())));
        System.out.println(batches);
    }

    /**
     * With the application stopped, opens its data directly and deletes what the projections built; when all of them
     * are rebuilt, notes their {@link ReadModelSums} in {@code before} first.
     */
    private static long clearProjections(Path dataDir, List<String> projections, List<String> processors,
                                         Map<String, String> before) {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoDatabase db = client.getDatabase(AppendReplayBenchmark.DATABASE);
            if (projections.containsAll(ALL_PROJECTIONS)) {
                before.putAll(ReadModelSums.of(db));
            }
            projections.forEach(c -> db.getCollection(c).drop());
            MongoCollection<Document> tokens = db.getCollection("tracking_tokens");
            for (String processor : processors) {
                // Every segment's token: the processor then starts again from the first event, in all its segments.
                if (tokens.deleteMany(new Document("processor", processor)).getDeletedCount() == 0) {
                    throw new IllegalStateException("no tokens of " + processor + " to delete");
                }
            }
            return head(db);
        }
    }

    /** The mean BSON size of the first (up to) 1,000 stored events, to compare with the raw documents. */
    private static int averageEventSize(MongoDatabase db, long head) {
        List<Long> ids = LongStream.rangeClosed(1, Math.min(head, 1000)).boxed().toList();
        long bytes = 0;
        long count = 0;
        for (int from = 0; from < ids.size(); from += 100) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 100));
            for (Document event : db.getCollection("events").find(new Document("_id", new Document("$in", chunk)))
                                    .batchSize(chunk.size())) {
                bytes += RawBaseline.bsonSize(event);
                count++;
            }
        }
        return count == 0 ? 0 : (int) (bytes / count);
    }

    static long head(MongoDatabase db) {
        Document counter = db.getCollection("counters").find(new Document("_id", "events")).first();
        return counter == null ? 0 : counter.get("last", Number.class).longValue();
    }

    /**
     * Returns when the first token appeared (its processor started) and when every processor had reached the head in
     * every segment (its position is its least advanced segment's); gives up when none moved for a minute. The
     * replay processor's tokens count as moving too: after a restore it replays the log for all of them, and their
     * tokens move only when it hands its position over (docs/adr/0021).
     */
    static long[] watch(MongoDatabase db, long head, List<String> processors) {
        MongoCollection<Document> tokens = db.getCollection("tracking_tokens");
        long started = 0;
        long lastMove = System.nanoTime();
        long lastPrint = lastMove;
        List<Long> last = List.of();
        while (true) {
            long now = System.nanoTime();
            List<List<Document>> docs = processors.stream()
                    .map(p -> (List<Document>) tokens.find(new Document("processor", p)).into(new ArrayList<Document>())).toList();
            List<Long> positions = docs.stream().map(segments -> segments.stream()
                    .mapToLong(d -> position(d.getString("token"))).min().orElse(-1L)).toList();
            long replayed = tokens.find(new Document("processor", "casebook.replay")).into(new ArrayList<Document>())
                    .stream().mapToLong(d -> position(d.getString("token"))).min().orElse(-1L);
            if (started == 0 && docs.stream().anyMatch(segments -> !segments.isEmpty())) {
                started = now;
            }
            if (positions.stream().allMatch(p -> p >= head)) {
                return new long[] {started, now};
            }
            List<Long> moving = new ArrayList<>(positions);
            moving.add(replayed);
            if (!moving.equals(last)) {
                last = moving;
                lastMove = now;
            } else if (now - lastMove > STALL_NANOS) {
                throw new IllegalStateException("the projections stopped short of event " + head + ": " + docs);
            }
            if (now - lastPrint > PRINT_NANOS) {
                System.out.printf("replay: %s at %s of %d (casebook.replay at %d)%n", processors, positions, head, replayed);
                lastPrint = now;
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The index of a stored GapAwareTrackingToken (JSON), or of a ReplayToken's current one; -1 before the first event. */
    private static long position(String token) {
        if (token == null) {
            return -1;
        }
        try {
            JsonNode node = JSON.readTree(token);
            if (node.has("currentToken")) {
                node = node.get("currentToken"); // a ReplayToken: the processor is replaying up to tokenAtReset
            }
            return node.hasNonNull("index") ? node.get("index").asLong() : -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
