package casebook.progress;

import static casebook.testing.Events.held;
import static casebook.testing.Events.registered;
import static casebook.testing.Events.selected;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.engagement.EngagementStatus;
import casebook.kernel.engagement.MilestoneStatus;
import casebook.kernel.engagement.ParticipantGroup;
import casebook.kernel.engagement.Programme;
import casebook.kernel.engagement.event.MilestoneHeld;
import casebook.kernel.engagement.query.EngagementView;
import casebook.kernel.engagement.query.FindEngagement;
import casebook.testing.Batch;
import casebook.testing.EmbeddedMongo;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An event the projection cannot apply (here a meeting whose participant list holds a null, which fails half-way
 * through the change) goes to the dead-letter queue; the batch it came in must still write everything else: the
 * other cases, and the same case as it stood before the failing event, with nothing of that event in it.
 */
class PoisonEventTest {

    private static final LocalDate MAY_15 = LocalDate.of(2024, 5, 15);
    private static final LocalDate JUNE_20 = LocalDate.of(2024, 6, 20);
    private static EmbeddedMongo mongo;
    private AnnotationEventHandlerAdapter handler;
    private EngagementQueries queries;
    private MongoDatabase db;

    @BeforeAll
    static void startServer() {
        mongo = new EmbeddedMongo();
    }

    @AfterAll
    static void stopServer() {
        mongo.close();
    }

    @BeforeEach
    void setUp() {
        db = mongo.freshDatabase();
        handler = new AnnotationEventHandlerAdapter(new EngagementProjection(db));
        queries = new EngagementQueries(db);
        assertThat(Batch.run(List.of(event("kurume", 0, registered("kurume", "402036", Programme.KASOKUKA, 2024, MAY_15)),
                event("kawara", 0, registered("kawara", "406015", Programme.KASOKUKA, 2024, MAY_15))), handler)).isEmpty();
    }

    @Test
    void theCasesEarlierEventsAndTheOtherCasesAreWrittenWithoutTheFailingEvent() {
        EventMessage<?> poison = event("kurume", 2, poisonedMeeting("kurume"));
        List<EventMessage<?>> failed = Batch.run(List.of(event("kurume", 1, selected("kurume", JUNE_20)), poison,
                event("kawara", 1, selected("kawara", JUNE_20))), handler);

        assertThat(failed).containsExactly(poison);
        EngagementView kurume = queries.find(new FindEngagement("kurume"));
        assertThat(kurume.version()).isEqualTo(1);
        assertThat(kurume.status()).isEqualTo(EngagementStatus.SELECTED);
        assertThat(kurume.milestones()).allSatisfy(m -> assertThat(m.status()).isNotEqualTo(MilestoneStatus.HELD));
        assertThat(queries.find(new FindEngagement("kawara")).status()).isEqualTo(EngagementStatus.SELECTED);
    }

    @Test
    void aFailingLastEventStillLetsTheBatchBeWritten() {
        EventMessage<?> poison = event("kurume", 1, poisonedMeeting("kurume"));
        List<EventMessage<?>> failed = Batch.run(List.of(event("kawara", 1, selected("kawara", JUNE_20)), poison), handler);

        assertThat(failed).containsExactly(poison);
        assertThat(queries.find(new FindEngagement("kawara")).version()).isEqualTo(1);
        assertThat(queries.find(new FindEngagement("kurume")).version()).isZero();
    }

    /**
     * The batch's cases are read ahead in one look-up; a stored case that cannot be decoded must still fail only the
     * events of its own case, not the event that happened to trigger the read (here the other case's, first).
     */
    @Test
    void aStoredCaseThatCannotBeReadFailsOnlyItsOwnEvents() {
        db.getCollection(EngagementRepository.COLLECTION).updateOne(new Document("_id", "kurume"),
                new Document("$set", new Document("view.milestones", "not a list")));
        EventMessage<?> ofBroken = event("kurume", 1, selected("kurume", JUNE_20));
        List<EventMessage<?>> failed = Batch.run(List.of(event("kawara", 1, selected("kawara", JUNE_20)), ofBroken), handler);

        assertThat(failed).containsExactly(ofBroken);
        assertThat(queries.find(new FindEngagement("kawara")).status()).isEqualTo(EngagementStatus.SELECTED);
    }

    /** A meeting whose participant list holds a null: the projection has marked the milestone held when it fails. */
    private static MilestoneHeld poisonedMeeting(String id) {
        MilestoneHeld ok = held(id, "M0_5", LocalDate.of(2024, 8, 7), "15:00", "16:30");
        return new MilestoneHeld(id, ok.milestone(), ok.heldOn(), ok.startTime(), ok.endTime(), ok.mode(), ok.place(),
                Arrays.asList(new ParticipantGroup("市", "介護保険課", null, 3), null), 3, ok.agenda(), ok.summary(),
                ok.occurredOn());
    }

    private static EventMessage<?> event(String id, long seq, CaseEvent payload) {
        return new GenericDomainEventMessage<>("SupportEngagement", id, seq, payload, java.util.Map.of(),
                id + "-" + seq, Instant.parse("2024-08-07T09:00:00Z"));
    }
}
