package casebook;

import static casebook.testing.Events.held;
import static casebook.testing.Events.registered;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.audittrail.AuditTrailProjection;
import casebook.audittrail.AuditTrailQueries;
import casebook.kernel.audit.CaseEvent;
import casebook.kernel.audit.MetaDataKeys;
import casebook.kernel.audit.query.CaseTimeline;
import casebook.kernel.audit.query.TimelineEntry;
import casebook.kernel.engagement.Programme;
import casebook.kernel.engagement.query.EngagementSummary;
import casebook.kernel.engagement.query.EngagementView;
import casebook.kernel.engagement.query.FindEngagement;
import casebook.kernel.engagement.query.HomeworkView;
import casebook.kernel.engagement.query.ListEngagements;
import casebook.kernel.engagement.query.MatrixView;
import casebook.kernel.engagement.query.MilestoneMatrix;
import casebook.kernel.engagement.query.OpenHomework;
import casebook.progress.EngagementProjection;
import casebook.progress.EngagementQueries;
import casebook.testing.EmbeddedMongo;
import casebook.testing.RecordedLog;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The projections and query classes as Axon sees them: handlers found, parameters resolved from the message. */
class AxonWiringTest {

    private static EmbeddedMongo mongo;

    @BeforeAll
    static void startServer() {
        mongo = new EmbeddedMongo();
    }

    @AfterAll
    static void stopServer() {
        mongo.close();
    }

    @Test
    void domainEventMessagesReachBothProjectionsAndTheQueryBusAnswersEveryQuery() throws Exception {
        MongoDatabase db = mongo.freshDatabase();
        var progress = new AnnotationEventHandlerAdapter(new EngagementProjection(db));
        var audit = new AnnotationEventHandlerAdapter(new AuditTrailProjection(db));
        RecordedLog log = new RecordedLog();
        Instant at = Instant.parse("2024-08-07T09:00:00Z");
        List<CaseEvent> events = List.of(registered("e1", "402036", Programme.KASOKUKA, 2024,
                LocalDate.of(2024, 5, 15)), held("e1", "M0_5", LocalDate.of(2024, 8, 7), "15:00", "16:30"));
        for (int seq = 0; seq < events.size(); seq++) {
            var message = new GenericDomainEventMessage<>("SupportEngagement", "e1", seq, events.get(seq),
                    MetaData.from(Map.of(MetaDataKeys.ACTOR, "officer-kyushu", MetaDataKeys.ACTOR_ROLE, "CASE_OFFICER")),
                    "event-" + seq, at);
            progress.handle(message);
            audit.handle(message);
            log.record(events.get(seq), at, "officer-kyushu", "CASE_OFFICER", null);
        }

        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(new EngagementQueries(db)).subscribe(bus);
        new AnnotationQueryHandlerAdapter<>(new AuditTrailQueries(log)).subscribe(bus);

        EngagementView view = ask(bus, new FindEngagement("e1"), ResponseTypes.instanceOf(EngagementView.class));
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.lastRecordedAt()).isEqualTo(at);
        assertThat(ask(bus, new FindEngagement("nope"), ResponseTypes.optionalInstanceOf(EngagementView.class)))
                .isEmpty();
        assertThat(ask(bus, new ListEngagements("kyushu", 2024, null, null),
                ResponseTypes.multipleInstancesOf(EngagementSummary.class))).hasSize(1);
        assertThat(ask(bus, new MilestoneMatrix("kyushu", 2024, null), ResponseTypes.instanceOf(MatrixView.class))
                .rows()).hasSize(1);
        assertThat(ask(bus, new OpenHomework("kyushu", 2024), ResponseTypes.multipleInstancesOf(HomeworkView.class)))
                .isEmpty();
        List<TimelineEntry> timeline = ask(bus, new CaseTimeline("e1"),
                ResponseTypes.multipleInstancesOf(TimelineEntry.class));
        assertThat(timeline).extracting(TimelineEntry::actor).containsExactly("officer-kyushu", "officer-kyushu");
        assertThat(timeline).extracting(TimelineEntry::correlationId).containsOnlyNulls();
    }

    private static <R> R ask(SimpleQueryBus bus, Object query, ResponseType<R> type) throws Exception {
        return bus.query(new GenericQueryMessage<>(query, type)).get().getPayload();
    }
}
