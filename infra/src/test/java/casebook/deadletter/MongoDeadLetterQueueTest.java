package casebook.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casebook.embedded.EmbeddedMongo;
import casebook.testing.MovableClock;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.DeadLetterQueueOverflowException;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The semantics of Axon's sequenced dead-letter queue, on the embedded server (H2 file backend) as Casebook runs it:
 * sequences per case, order by position in the event log, the same event offered twice kept once, retries that
 * evict or requeue, claims between workers, limits, unreadable payloads, and letters surviving a restart.
 */
class MongoDeadLetterQueueTest {

    private static final String GROUP = "casebook.progress";
    private static final Instant T0 = Instant.parse("2025-06-02T00:00:00Z");

    @TempDir
    static Path data;
    private static EmbeddedMongo server;
    private static MongoClient client;
    private static int databases;

    private final Serializer serializer = JacksonSerializer.builder().objectMapper(new ObjectMapper()
            .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).build();
    private final MovableClock clock = new MovableClock(T0);
    private MongoDatabase db;
    private MongoDeadLetterQueue queue;

    /** A payload for the tests: the case it belongs to and a note. */
    record Noted(String caseId, String text) {
    }

    @BeforeAll
    static void startServer() {
        server = EmbeddedMongo.start(data);
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.close();
    }

    @BeforeEach
    void setUp() {
        // Axon's own letters take their enqueue time from this clock.
        GenericDeadLetter.clock = clock;
        db = client.getDatabase("dlq_" + ++databases);
        MongoDeadLetterQueue.ensureIndexes(db);
        queue = queue(GROUP, "node-a", MongoDeadLetterQueue.Settings.DEFAULT);
    }

    @AfterEach
    void restoreClock() {
        GenericDeadLetter.clock = Clock.systemUTC();
    }

    private MongoDeadLetterQueue queue(String group, String node, MongoDeadLetterQueue.Settings settings) {
        return new MongoDeadLetterQueue(db, group, serializer, clock, node, settings);
    }

    @Test
    void aFailedEventIsStoredWithItsCauseAndReadsBackAsTheSameEvent() {
        EventMessage<?> event = event("kurume", 3, 41);
        queue.enqueue("kurume", new GenericDeadLetter<>("kurume", event, new IllegalStateException("no such milestone")));

        assertThat(queue.contains("kurume")).isTrue();
        assertThat(queue.contains("kawara")).isFalse();
        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.sequenceSize("kurume")).isEqualTo(1);
        assertThat(queue.amountOfSequences()).isEqualTo(1);
        MongoDeadLetter letter = (MongoDeadLetter) queue.deadLetterSequence("kurume").get(0);
        assertThat(letter.sequence()).isEqualTo("kurume");
        assertThat(letter.position()).isEqualTo(41);
        assertThat(letter.retries()).isZero();
        assertThat(letter.cause()).hasValueSatisfying(c -> {
            assertThat(c.type()).isEqualTo(IllegalStateException.class.getName());
            assertThat(c.message()).isEqualTo("no such milestone");
        });
        DomainEventMessage<?> message = (DomainEventMessage<?>) letter.message();
        assertThat(message.getPayload()).isEqualTo(new Noted("kurume", "event 3"));
        assertThat(message.getAggregateIdentifier()).isEqualTo("kurume");
        assertThat(message.getSequenceNumber()).isEqualTo(3);
        assertThat(message.getIdentifier()).isEqualTo(event.getIdentifier());
        assertThat(message.getTimestamp()).isEqualTo(event.getTimestamp());
        assertThat(message.getMetaData()).isEqualTo(event.getMetaData());
        assertThat(((TrackedEventMessage<?>) message).trackingToken().position()).hasValue(41);
        assertThat(queue.summaries(10)).singleElement().satisfies(s -> {
            assertThat(s.caseId()).isEqualTo("kurume");
            assertThat(s.eventType()).isEqualTo("Noted");
            assertThat(s.sequenceNumber()).isEqualTo(3);
            assertThat(s.errorType()).isEqualTo(IllegalStateException.class.getName());
            assertThat(s.recordedAt()).isEqualTo(event.getTimestamp());
        });
    }

    @Test
    void laterEventsOfAParkedCaseQueueBehindItAndOtherCasesAreNotParked() {
        queue.enqueue("kurume", failed("kurume", 3, 41));
        assertThat(queue.enqueueIfPresent("kawara", () -> parked("kawara", 1, 42))).isFalse();
        assertThat(queue.enqueueIfPresent("kurume", () -> parked("kurume", 4, 43))).isTrue();
        assertThat(queue.enqueueIfPresent("kurume", () -> parked("kurume", 5, 45))).isTrue();

        assertThat(positions(queue.deadLetterSequence("kurume"))).containsExactly(41L, 43L, 45L);
        assertThat(queue.deadLetterSequence("kurume").get(1).cause()).isEmpty();
        assertThat(queue.contains("kawara")).isFalse();
        assertThat(queue.size()).isEqualTo(3);
    }

    @Test
    void theSameEventOfferedAgainIsKeptOnceAndACaseIsOrderedByPosition() {
        // A redelivered batch offers an earlier event after a later one, and the later one again.
        queue.enqueue("kurume", failed("kurume", 4, 43));
        queue.enqueue("kurume", failed("kurume", 3, 41));
        queue.enqueueIfPresent("kurume", () -> parked("kurume", 4, 43));

        assertThat(positions(queue.deadLetterSequence("kurume"))).containsExactly(41L, 43L);
        assertThat(queue.deadLetterSequence("kurume").get(1).cause()).as("the first offer is kept").isPresent();
    }

    @Test
    void aRetryThatSucceedsWorksOffTheWholeCaseInOrder() {
        queue.enqueue("kurume", failed("kurume", 3, 41));
        queue.enqueueIfPresent("kurume", () -> parked("kurume", 4, 43));
        queue.enqueue("kawara", failed("kawara", 1, 42));
        List<Long> handled = new ArrayList<>();

        boolean done = queue.process(l -> ((MongoDeadLetter) l).sequence().equals("kurume"), letter -> {
            handled.add(((MongoDeadLetter) letter).position());
            return Decisions.evict();
        });

        assertThat(done).isTrue();
        assertThat(handled).containsExactly(41L, 43L);
        assertThat(queue.contains("kurume")).isFalse();
        assertThat(queue.contains("kawara")).isTrue();
        assertThat(queue.size()).isEqualTo(1);
        assertThat(db.getCollection(MongoDeadLetterQueue.LETTERS).countDocuments()).isEqualTo(1);
    }

    @Test
    void aRetryThatFailsAgainKeepsTheLetterFirstWithTheNewCauseAndCountsTheRetry() {
        queue.enqueue("kurume", failed("kurume", 3, 41));
        queue.enqueueIfPresent("kurume", () -> parked("kurume", 4, 43));
        clock.advance(Duration.ofMinutes(5));
        List<Long> handled = new ArrayList<>();

        boolean done = queue.process(l -> true, letter -> {
            handled.add(((MongoDeadLetter) letter).position());
            return Decisions.requeue(new IllegalArgumentException("still broken"));
        });

        assertThat(done).isFalse();
        assertThat(handled).containsExactly(41L);
        MongoDeadLetter first = (MongoDeadLetter) queue.deadLetterSequence("kurume").get(0);
        assertThat(first.position()).isEqualTo(41);
        assertThat(first.retries()).isEqualTo(1);
        assertThat(first.cause()).hasValueSatisfying(c -> assertThat(c.message()).isEqualTo("still broken"));
        assertThat(first.lastTouched()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(first.enqueuedAt()).isBefore(first.lastTouched());
        assertThat(queue.sequenceSize("kurume")).isEqualTo(2);
        // The claim is released: the next retry may take the case again.
        assertThat(queue.process(l -> true, letter -> Decisions.evict())).isTrue();
        assertThat(queue.size()).isZero();
    }

    @Test
    void aCaseBeingRetriedIsNotTakenBySecondWorkerUntilItsClaimRunsOut() {
        queue.enqueue("kurume", failed("kurume", 3, 41));
        MongoDeadLetterQueue otherNode = queue(GROUP, "node-b", MongoDeadLetterQueue.Settings.DEFAULT);
        AtomicBoolean secondGotIt = new AtomicBoolean(true);

        queue.process(l -> true, letter -> {
            secondGotIt.set(otherNode.process(l -> true, l -> Decisions.evict()));
            return Decisions.requeue(new IllegalStateException("x"));
        });
        assertThat(secondGotIt).isFalse();

        // A node that died mid-retry leaves its claim behind; it runs out.
        db.getCollection(MongoDeadLetterQueue.SEQUENCES).updateOne(new org.bson.Document("_id", GROUP + ":kurume"),
                new org.bson.Document("$set", new org.bson.Document("claimedUntil", java.util.Date.from(T0.plusSeconds(30)))
                        .append("claimedBy", "dead-node")));
        assertThat(otherNode.process(l -> true, l -> Decisions.evict())).isFalse();
        clock.advance(Duration.ofSeconds(31));
        assertThat(otherNode.process(l -> true, l -> Decisions.evict())).isTrue();
    }

    @Test
    void theQueueRefusesRatherThanDropsWhenFull() {
        MongoDeadLetterQueue small = queue(GROUP, "node-a", new MongoDeadLetterQueue.Settings(1, 2, Duration.ofSeconds(30)));
        small.enqueue("kurume", failed("kurume", 3, 41));
        small.enqueueIfPresent("kurume", () -> parked("kurume", 4, 43));

        assertThat(small.isFull("kurume")).isTrue();
        assertThatThrownBy(() -> small.enqueueIfPresent("kurume", () -> parked("kurume", 5, 44)))
                .isInstanceOf(DeadLetterQueueOverflowException.class);
        assertThat(small.isFull("kawara")).isTrue();
        assertThatThrownBy(() -> small.enqueue("kawara", failed("kawara", 1, 42)))
                .isInstanceOf(DeadLetterQueueOverflowException.class);
    }

    @Test
    void aLetterWhosePayloadNoLongerReadsIsListedRetriedAndEvicted() {
        EventMessage<?> unreadable = new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(41),
                new GenericDomainEventMessage<>("SupportEngagement", "kurume", 3, new SerializedMessage<>("e-41",
                        new SimpleSerializedObject<>("{not json", String.class, Noted.class.getName(), null),
                        new SimpleSerializedObject<>("{}", String.class, MetaData.class.getName(), null), serializer),
                        () -> T0));
        queue.enqueue("kurume", new GenericDeadLetter<>("kurume", unreadable, new IllegalStateException("unknown type")));

        assertThat(queue.summaries(10)).extracting(DeadLetterSummary::eventType).containsExactly("Noted");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        queue.process(l -> true, letter -> {
            try {
                letter.message().getPayload();
                return Decisions.evict();
            } catch (RuntimeException e) {
                failure.set(e);
                return Decisions.requeue(e);
            }
        });
        assertThat(failure.get()).isNotNull();
        assertThat(queue.deadLetterSequence("kurume").get(0).cause()).isPresent();
        queue.evict(queue.letter(41).orElseThrow());
        assertThat(queue.contains("kurume")).isFalse();
    }

    @Test
    void groupsKeepTheirOwnLetters() {
        MongoDeadLetterQueue audit = queue("casebook.audittrail", "node-a", MongoDeadLetterQueue.Settings.DEFAULT);
        queue.enqueue("kurume", failed("kurume", 3, 41));
        audit.enqueue("kurume", failed("kurume", 3, 41));
        audit.enqueue("kawara", failed("kawara", 1, 42));

        queue.clear();

        assertThat(queue.size()).isZero();
        assertThat(audit.size()).isEqualTo(2);
        assertThat(audit.sequenceIds()).containsExactly("kawara", "kurume");
        assertThat(queue.letter(41)).isEmpty();
        assertThat(audit.letter(41)).isPresent();
    }

    @Test
    void lettersSurviveARestartOfTheEmbeddedServer(@TempDir Path own) {
        try (EmbeddedMongo first = EmbeddedMongo.start(own); MongoClient c = MongoClients.create(first.connectionString())) {
            new MongoDeadLetterQueue(c.getDatabase("casebook"), GROUP, serializer, clock, "n", MongoDeadLetterQueue.Settings.DEFAULT)
                    .enqueue("kurume", failed("kurume", 3, 41));
        }
        try (EmbeddedMongo again = EmbeddedMongo.start(own); MongoClient c = MongoClients.create(again.connectionString())) {
            MongoDeadLetterQueue reopened = new MongoDeadLetterQueue(c.getDatabase("casebook"), GROUP, serializer, clock, "n",
                    MongoDeadLetterQueue.Settings.DEFAULT);
            assertThat(positions(reopened.deadLetterSequence("kurume"))).containsExactly(41L);
        }
    }

    /** Axon's own dead-lettering invoker on this queue: a failing case is parked, the others handled, then retried. */
    @Test
    void axonsDeadLetteringInvokerParksAFailingCaseAndWorksItOffOnceFixed() throws Exception {
        FlakyHandler handler = new FlakyHandler();
        DeadLetteringEventHandlerInvoker invoker = DeadLetteringEventHandlerInvoker.builder()
                .eventHandlers(handler).queue(queue).transactionManager(NoTransactionManager.instance())
                .enableSequenceIdentifierCache().build();
        handler.failFor = "kurume";

        for (EventMessage<?> event : List.of(event("kurume", 3, 41), event("kawara", 1, 42), event("kurume", 4, 43))) {
            invoker.handle(event, Segment.ROOT_SEGMENT);
        }
        assertThat(handler.handled).containsExactly("kawara:1");
        assertThat(positions(queue.deadLetterSequence("kurume"))).containsExactly(41L, 43L);

        handler.failFor = null;
        assertThat(invoker.processAny()).isTrue();
        assertThat(handler.handled).containsExactly("kawara:1", "kurume:3", "kurume:4");
        assertThat(queue.size()).isZero();
        invoker.handle(event("kurume", 5, 44), Segment.ROOT_SEGMENT);
        assertThat(handler.handled).endsWith("kurume:5");
    }

    /** Throws for one case while told to. */
    static class FlakyHandler {
        volatile String failFor;
        final List<String> handled = new ArrayList<>();

        @EventHandler
        void on(Noted event, @SequenceNumber long seq) {
            if (event.caseId().equals(failFor)) {
                throw new IllegalStateException("cannot apply " + event.text());
            }
            handled.add(event.caseId() + ":" + seq);
        }
    }

    private static EventMessage<?> event(String caseId, long seq, long position) {
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position),
                new GenericDomainEventMessage<>("SupportEngagement", caseId, seq, new Noted(caseId, "event " + seq),
                        MetaData.from(Map.of("actor", "officer-kyushu")), "e-" + position, T0.plusSeconds(position)));
    }

    private static DeadLetter<EventMessage<?>> failed(String caseId, long seq, long position) {
        return new GenericDeadLetter<>(caseId, event(caseId, seq, position), new IllegalStateException("failed " + seq));
    }

    private static DeadLetter<EventMessage<?>> parked(String caseId, long seq, long position) {
        return new GenericDeadLetter<>(caseId, event(caseId, seq, position));
    }

    private static List<Long> positions(List<DeadLetter<? extends EventMessage<?>>> letters) {
        return letters.stream().map(l -> ((MongoDeadLetter) l).position()).toList();
    }
}
