package casebook.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casebook.testing.MovableClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event storage engine against the embedded server over the real driver: no mocks. */
class MongoEventStorageEngineTest {

    record Noted(String caseId, int n) {
    }

    record CaseState(String caseId, int count) {
    }
    @TempDir
    Path dir;
    EmbeddedStore store;
    MongoEventStorageEngine engine;
    final MovableClock clock = new MovableClock(Instant.now());
    final Serializer serializer = JacksonSerializer.builder().objectMapper(new ObjectMapper()
            .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)).build();

    @BeforeEach
    void open() {
        store = new EmbeddedStore(dir);
        engine = newEngine();
    }

    private MongoEventStorageEngine newEngine() {
        return builder().build();
    }

    private MongoEventStorageEngine.Builder builder() {
        return MongoEventStorageEngine.builder().database(store.database()).eventSerializer(serializer)
                .snapshotSerializer(serializer).durability(store.durability()).clock(clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    static DomainEventMessage<Noted> event(String caseId, long seq) {
        return new GenericDomainEventMessage<>("Case", caseId, seq, new Noted(caseId, (int) seq), MetaData.with("actor", "tester"));
    }

    private List<TrackedEventMessage<?>> readAll(TrackingToken from) {
        try (var stream = engine.readEvents(from, false)) {
            return stream.collect(Collectors.toList());
        }
    }

    private List<Long> seqs(String caseId) {
        return engine.readEvents(caseId).asStream().map(DomainEventMessage::getSequenceNumber).toList();
    }

    @Test
    void streamsEventsOfAllCasesInAppendOrderWithDenseGlobalPositions() {
        engine.appendEvents(event("a", 0));
        engine.appendEvents(event("b", 0));
        engine.appendEvents(event("a", 1));
        List<TrackedEventMessage<?>> all = readAll(null);
        assertThat(all).extracting(e -> ((Noted) e.getPayload()).caseId() + ((Noted) e.getPayload()).n())
                       .containsExactly("a0", "b0", "a1");
        assertThat(all).extracting(e -> e.trackingToken().position().getAsLong()).containsExactly(1L, 2L, 3L);
        assertThat(readAll(all.get(1).trackingToken())).hasSize(1);
        assertThat(all.get(0).getMetaData()).containsEntry("actor", "tester");
    }

    @Test
    void theHeadProcessorsCanReachIsTheLastStoredEventNotANumberHandedOutButNeverStored() {
        assertThat(engine.lastStored()).as("an empty log").isZero();
        engine.appendEvents(event("a", 0));
        engine.appendEvents(event("a", 1));
        // Writers killed after taking their numbers and before inserting (another writer's commit made the counter
        // durable): the counter moved, no event was stored.
        store.database().getCollection("counters").updateOne(new Document("_id", "events"),
                new Document("$inc", new Document("last", 3L)));
        assertThat(engine.head()).isEqualTo(5);
        assertThat(engine.lastStored()).isEqualTo(2);
        // The next append passes them; those numbers stay unused below the head.
        engine.appendEvents(event("b", 0));
        assertThat(engine.head()).isEqualTo(6);
        assertThat(engine.lastStored()).isEqualTo(6);
    }

    /** Appends events to cases c0..c9 in calls of 50, the way many commands fill the log. */
    private void appendMany(MongoEventStorageEngine into, int count) {
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (long n = into.lastStored(); n < count; n++) {
            int c = (int) (n % 10);
            batch.add(new GenericDomainEventMessage<>("Case", "c" + c, n / 10, new Noted("c" + c, (int) n),
                    MetaData.with("actor", "tester")));
            if (batch.size() == 50) {
                into.appendEvents(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            into.appendEvents(batch);
        }
    }

    private static double batches(SimpleMeterRegistry registry, String source) {
        return registry.counter("casebook.events.replay.batches", "source", source).count();
    }

    @Test
    void processorsReplayingTheSameLogShareEachSettledBatchReadOnce() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MongoEventStorageEngine counted = builder().meterRegistry(registry).streamWindow(100).build();
        appendMany(counted, 1_000);

        // Four processors reset at once, as several instances or processors starting from the same token do.
        // Each keeps its stream open until all four have read the log: batches are shared only while two or more
        // streams are open, and one that finished first and closed would leave a slow fourth reading on its own.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch allRead = new CountDownLatch(4);
        List<Future<List<TrackedEventMessage<?>>>> readers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            var stream = counted.readEvents(null, false);
            readers.add(pool.submit(() -> {
                start.await();
                try (stream) {
                    List<TrackedEventMessage<?>> events = stream.collect(Collectors.toList());
                    allRead.countDown();
                    allRead.await();
                    return events;
                }
            }));
        }
        start.countDown();
        List<List<TrackedEventMessage<?>>> read = new ArrayList<>();
        for (Future<List<TrackedEventMessage<?>>> reader : readers) {
            read.add(reader.get());
        }
        pool.shutdown();

        // Every processor gets every event once, in order, with the tokens a plain read of the log gives.
        List<TrackingToken> plain = new ArrayList<>();
        TrackingToken last = null;
        for (var batch = counted.fetchTrackedEvents(null, 100); !batch.isEmpty(); batch = counted.fetchTrackedEvents(last, 100)) {
            for (var e : batch) {
                plain.add(e.trackingToken());
            }
            last = batch.get(batch.size() - 1).trackingToken();
        }
        assertThat(plain).hasSize(1_000);
        for (List<TrackedEventMessage<?>> events : read) {
            assertThat(events).extracting(TrackedEventMessage::trackingToken).containsExactlyElementsOf(plain);
            assertThat(events).extracting(e -> ((Noted) e.getPayload()).n())
                              .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 1_000).boxed().toList());
            assertThat(events.get(999).getMetaData()).containsEntry("actor", "tester");
        }
        // Ten full batches, each read from the store once and handed to the three others, as the same messages.
        assertThat(batches(registry, "store")).isEqualTo(10);
        assertThat(batches(registry, "shared")).isEqualTo(30);
        assertThat(read.get(1).get(500)).isSameAs(read.get(0).get(500));
    }

    @Test
    void aProcessorCatchingUpFetchesTheLogAThousandEventsAtATime() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MongoEventStorageEngine counted = builder().meterRegistry(registry).build();
        appendMany(counted, 2_500);
        List<TrackedEventMessage<?>> read;
        try (var stream = counted.readEvents(null, false)) {
            read = stream.collect(Collectors.toList());
        }
        assertThat(read).extracting(e -> ((Noted) e.getPayload()).n())
                        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 2_500).boxed().toList());
        // Two full windows of 1,000 (each ten $in lists), then the short one at the head, which is never kept.
        assertThat(batches(registry, "store")).isEqualTo(2);
        // A case is still read a list at a time: Axon stops at the first short batch of a case.
        assertThat(counted.batchSize()).isEqualTo(100);
        assertThat(counted.readEvents("c3", 0).asStream().count()).isEqualTo(250);
    }

    @Test
    void eventsNearTheHeadAreReadForEachStreamSoThoseAppendedSinceAreSeen() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MongoEventStorageEngine counted = builder().meterRegistry(registry).streamWindow(100).build();
        appendMany(counted, 150);
        List<TrackedEventMessage<?>> again;
        // Another processor's stream stays open throughout (unread), so settled batches are kept for it.
        try (var other = counted.readEvents(null, false)) {
            try (var stream = counted.readEvents(null, false)) {
                assertThat(stream.count()).isEqualTo(150);
            }
            appendMany(counted, 260);
            try (var stream = counted.readEvents(null, false)) {
                again = stream.collect(Collectors.toList());
            }
        }
        assertThat(again).extracting(e -> ((Noted) e.getPayload()).n())
                         .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 260).boxed().toList());
        // 1-100 was settled and shared; 101-150 was short the first time, read again and now settled with 101-200.
        assertThat(batches(registry, "shared")).isEqualTo(1);
        assertThat(batches(registry, "store")).isEqualTo(2);
    }

    @Test
    void aStreamReadingAloneKeepsNoBatch() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MongoEventStorageEngine counted = builder().meterRegistry(registry).streamWindow(100).build();
        appendMany(counted, 1_000);
        // A rebuild's one replay stream: nobody else reads, so keeping its batches would only hold its events longer.
        try (var alone = counted.readEvents(null, false)) {
            assertThat(alone.count()).isEqualTo(1_000);
        }
        // A processor that starts afterwards reads the log from the store: nothing was kept for it.
        try (var later = counted.readEvents(null, false)) {
            assertThat(later.count()).isEqualTo(1_000);
        }
        assertThat(batches(registry, "store")).isEqualTo(20);
        assertThat(batches(registry, "shared")).isZero();
    }

    @Test
    void aProcessorFurtherBehindThanTheKeptBatchesReadsTheStoreAgain() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MongoEventStorageEngine counted = builder().meterRegistry(registry).streamWindow(100).sharedReplayEvents(200).build();
        appendMany(counted, 500);
        try (var first = counted.readEvents(null, false); var second = counted.readEvents(null, false)) {
            assertThat(first.count()).isEqualTo(500);
            assertThat(second.count()).isEqualTo(500);
        }
        // Only the furthest two of five batches were kept for it; the three before them it read without keeping.
        assertThat(batches(registry, "store")).isEqualTo(8);
        assertThat(batches(registry, "shared")).isEqualTo(2);
    }

    @Test
    void keepsEventsOfTheSameMillisecondApartAndInOrder() {
        Instant sameInstant = Instant.parse("2025-04-01T00:00:00Z");
        for (int i = 0; i < 20; i++) {
            engine.appendEvents(new GenericDomainEventMessage<>("Case", "c" + (i % 3), i / 3, new Noted("c" + (i % 3), i),
                    MetaData.emptyInstance(), "id-" + i, sameInstant));
        }
        List<TrackedEventMessage<?>> all = readAll(null);
        assertThat(all).extracting(e -> ((Noted) e.getPayload()).n()).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 20).boxed().toList());
        assertThat(all).allMatch(e -> e.getTimestamp().equals(sameInstant));
    }

    @Test
    void letsExactlyOneOfTwoWritersAtTheSameVersionWin() {
        engine.appendEvents(event("a", 0));
        assertThatThrownBy(() -> engine.appendEvents(event("a", 0))).isInstanceOf(ConcurrencyException.class);
        assertThat(seqs("a")).containsExactly(0L);
        // The refused event's global number became a tombstone: the stream does not stall on it.
        engine.appendEvents(event("b", 0));
        List<TrackedEventMessage<?>> all = readAll(null);
        assertThat(all).filteredOn(e -> e.getPayload() instanceof Noted).hasSize(2);
        assertThat(all.get(all.size() - 1).trackingToken()).isEqualTo(GapAwareTrackingToken.newInstance(3, List.of()));
    }

    @Test
    void concurrentAppendersLoseNothingAndNeverShareAPosition() throws Exception {
        int writers = 8;
        int perWriter = 150;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger conflicts = new AtomicInteger();
        List<Future<Integer>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            results.add(pool.submit(() -> {
                start.await();
                int written = 0;
                // Every writer appends to one shared case and to its own: races on the shared one.
                for (int i = 0; i < perWriter; i++) {
                    long next = engine.lastSequenceNumberFor("shared").map(s -> s + 1).orElse(0L);
                    try {
                        engine.appendEvents(event("shared", next));
                        written++;
                    } catch (ConcurrencyException e) {
                        conflicts.incrementAndGet();
                    }
                }
                return written;
            }));
        }
        start.countDown();
        int acknowledged = 0;
        for (Future<Integer> f : results) {
            acknowledged += f.get();
        }
        pool.shutdown();
        assertThat(seqs("shared")).hasSize(acknowledged)
                                  .containsExactlyElementsOf(java.util.stream.LongStream.range(0, acknowledged).boxed().toList());
        List<TrackedEventMessage<?>> all = readAll(null);
        Set<Long> positions = new HashSet<>();
        all.forEach(e -> assertThat(positions.add(e.trackingToken().position().getAsLong())).isTrue());
        assertThat(all).filteredOn(e -> e.getPayload() instanceof Noted).hasSize(acknowledged);
        assertThat(all).filteredOn(e -> e.getPayload() instanceof Tombstone).hasSize(conflicts.get());
        System.out.printf("concurrent appenders: %d acknowledged, %d conflicts%n", acknowledged, conflicts.get());
    }

    @Test
    void waitsForAnInFlightGapAndDeliversItWhenItArrives() {
        engine.appendEvents(event("a", 0));
        GlobalSequence sequence = new GlobalSequence(store.database().getCollection(MongoEventStorageEngine.COUNTERS));
        long inFlight = sequence.allocate(1); // a writer that has its number but has not inserted yet
        engine.appendEvents(event("b", 0));
        List<TrackedEventMessage<?>> first = readAll(null);
        assertThat(first).hasSize(2);
        GapAwareTrackingToken token = (GapAwareTrackingToken) first.get(1).trackingToken();
        assertThat(token.getGaps()).containsExactly(inFlight);

        Document late = EventDocuments.toDocument(inFlight, event("c", 0), serializer);
        store.database().getCollection(MongoEventStorageEngine.EVENTS).insertOne(late);
        List<TrackedEventMessage<?>> next = readAll(token);
        assertThat(next).extracting(e -> ((Noted) e.getPayload()).caseId()).containsExactly("c");
        assertThat(((GapAwareTrackingToken) next.get(0).trackingToken()).hasGaps()).isFalse();
    }

    @Test
    void givesUpOnAGapWhoseWriterIsGone() {
        engine.appendEvents(event("a", 0));
        new GlobalSequence(store.database().getCollection(MongoEventStorageEngine.COUNTERS)).allocate(1); // crashed writer
        engine.appendEvents(event("b", 0));
        TrackingToken token = readAll(null).get(1).trackingToken();
        assertThat(((GapAwareTrackingToken) token).hasGaps()).isTrue();

        clock.advance(java.time.Duration.ofSeconds(120));
        engine.appendEvents(event("c", 0));
        List<TrackedEventMessage<?>> next = readAll(token);
        assertThat(next).hasSize(1);
        assertThat(((GapAwareTrackingToken) next.get(0).trackingToken()).hasGaps()).isFalse();
    }

    @Test
    void keepsEverythingAcrossARestartAndContinuesTheSequence() {
        engine.appendEvents(event("a", 0));
        engine.appendEvents(event("a", 1));
        store.restart();
        engine = newEngine();
        assertThat(seqs("a")).containsExactly(0L, 1L);
        engine.appendEvents(event("a", 2));
        assertThat(readAll(null)).extracting(e -> e.trackingToken().position().getAsLong()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void loadsALargeCaseCompletelyAndInOrder() {
        for (int i = 0; i < 1_000; i++) {
            engine.appendEvents(event("big", i));
        }
        assertThat(seqs("big")).containsExactlyElementsOf(java.util.stream.LongStream.range(0, 1_000).boxed().toList());
        assertThat(engine.lastSequenceNumberFor("big")).contains(999L);
        assertThat(engine.readEvents("big", 995).asStream().count()).isEqualTo(5);
    }

    @Test
    void readsACaseForItsTimelineWithEachEventsPlaceInTheHashChainAsStored() {
        for (int i = 0; i < 250; i++) {
            engine.appendEvents(event("long", i));
        }
        engine.appendEvents(event("other", 0));

        List<ChainedEvent> all = engine.caseEvents("long", 0);

        assertThat(all).extracting(e -> e.message().getSequenceNumber())
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 250).boxed().toList());
        assertThat(all.get(0).message().getPayload()).isEqualTo(new Noted("long", 0));
        assertThat(all.get(0).message().getMetaData()).containsEntry("actor", "tester");
        var events = store.database().getCollection("events");
        for (int i = 0; i < all.size(); i++) {
            Document stored = events.find(new Document("sk", "long:" + i)).first();
            assertThat(all.get(i).hash()).isNotBlank().isEqualTo(stored.getString("h"));
            assertThat(all.get(i).prevHash()).isEqualTo(stored.getString("ph"));
            if (i > 0) {
                assertThat(all.get(i).prevHash()).isEqualTo(all.get(i - 1).hash());
            }
        }
        // A look for newer events, as the as-of replay makes for a case it has read before.
        assertThat(engine.caseEvents("long", 240)).extracting(e -> e.message().getSequenceNumber())
                .containsExactly(240L, 241L, 242L, 243L, 244L, 245L, 246L, 247L, 248L, 249L);
        assertThat(engine.caseEvents("long", 249)).hasSize(1);
        assertThat(engine.caseEvents("long", 250)).isEmpty();
        assertThat(engine.caseEvents("nobody", 0)).isEmpty();
    }

    @Test
    void servesTheLatestSnapshotAndTheEventsAfterIt() {
        for (int i = 0; i < 10; i++) {
            engine.appendEvents(event("s", i));
        }
        engine.storeSnapshot(new GenericDomainEventMessage<>("Case", "s", 4, new CaseState("s", 5)));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Case", "s", 7, new CaseState("s", 8)));
        DomainEventMessage<?> snapshot = engine.readSnapshot("s").orElseThrow();
        assertThat(snapshot.getSequenceNumber()).isEqualTo(7);
        assertThat(snapshot.getPayload()).isEqualTo(new CaseState("s", 8));
        // The event store reads the snapshot, then only the events after it.
        assertThat(engine.readEvents("s", snapshot.getSequenceNumber() + 1).asStream()
                         .map(DomainEventMessage::getSequenceNumber).toList()).containsExactly(8L, 9L);
        assertThat(engine.readSnapshot("unknown")).isEmpty();
    }

    @Test
    void skipsASnapshotThatNoLongerReadsSoTheCaseLoadsFromItsEvents() {
        engine.appendEvents(event("s", 0));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Case", "s", 0, new CaseState("s", 1)));
        // As if the aggregate's fields had changed since: the stored JSON no longer matches the class.
        store.database().getCollection(MongoEventStorageEngine.SNAPSHOTS).updateOne(new Document("_id", "s:0"),
                new Document("$set", new Document(EventDocuments.PAYLOAD, "{\"count\": \"not a number\"}")));
        assertThat(engine.readSnapshot("s")).isEmpty();
    }
}
