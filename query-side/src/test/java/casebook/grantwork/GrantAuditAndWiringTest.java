package casebook.grantwork;

import static casebook.grantwork.GrantCaseProjectionTest.day;
import static casebook.grantwork.GrantEvents.corrected;
import static casebook.grantwork.GrantEvents.opened;
import static casebook.grantwork.GrantEvents.procedure;
import static casebook.grantwork.GrantEvents.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import casebook.audittrail.AuditTrailProjection;
import casebook.audittrail.AuditTrailQueries;
import casebook.testing.Batch;
import casebook.kernel.audit.CaseEvent;
import casebook.kernel.audit.CaseType;
import casebook.kernel.audit.query.CaseTimeline;
import casebook.kernel.audit.query.TimelineEntry;
import casebook.kernel.grant.GrantCorrectedFields;
import casebook.kernel.grant.GrantStep;
import casebook.kernel.grant.GrantType;
import casebook.kernel.grant.ProcedureKind;
import casebook.kernel.grant.query.DeadlineBoard;
import casebook.kernel.grant.query.DeadlineItem;
import casebook.kernel.grant.query.FindGrantCase;
import casebook.kernel.grant.query.GrantCaseSummary;
import casebook.kernel.grant.query.GrantCaseView;
import casebook.kernel.grant.query.GrantWorklist;
import casebook.kernel.grant.query.PendingApproval;
import casebook.kernel.grant.query.PendingApprovals;
import casebook.testing.EmbeddedMongo;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Grant events in the audit trail, and the grant projection and queries as Axon sees them. */
class GrantAuditAndWiringTest {

    private static final String YUZAWA = GrantCaseProjectionTest.YUZAWA;
    private static final String INITIAL = GrantCaseProjectionTest.INITIAL;
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
    void theTimelineNamesGrantEventsInJapaneseAsAGrantCase() {
        MongoDatabase db = mongo.freshDatabase();
        GrantFeed feed = new GrantFeed(new GrantCaseProjection(db), new AuditTrailProjection(db));
        feed.send(yuzawaEvents().toArray(CaseEvent[]::new));
        long correction = feed.send(corrected(YUZAWA, 4, INITIAL, new GrantCorrectedFields(null, 4_800_000L, null, null),
                day(2026, 3, 30)));

        List<TimelineEntry> timeline = new AuditTrailQueries(feed.log()).timeline(new CaseTimeline(YUZAWA));
        assertThat(timeline).extracting(TimelineEntry::type, TimelineEntry::typeLabel).containsExactly(
                tuple("GrantCaseOpened", "交付案件登録"), tuple("GrantProcedureOpened", "手続開始"),
                tuple("GrantStepRecorded", "交付申請提出"), tuple("GrantStepRecorded", "支出負担行為示達"),
                tuple("GrantStepRecorded", "交付決定決裁"), tuple("GrantRecordCorrected", "記録訂正"));
        assertThat(timeline).extracting(TimelineEntry::caseType).containsOnly(CaseType.GRANT_CASE);
        assertThat(timeline.get(3).payload()).containsEntry("step", "EXPENDITURE_AUTHORITY_RECEIVED")
                .containsEntry("on", "2026-03-05");
        assertThat(timeline.get(4).correctedBy()).containsExactly(correction);
        Document head = db.getCollection("audit_cases").find(new Document("_id", YUZAWA)).first();
        assertThat(head).containsEntry("caseType", "GRANT_CASE").containsEntry("bureauCode", "tohoku")
                .containsEntry("recipientCode", "052078").containsEntry("recipientName", "湯沢市")
                .containsEntry("municipalityName", "湯沢市").containsEntry("lastSeq", correction);
    }

    @Test
    void oneBatchOfDomainEventMessagesWritesWhatEventsOneByOneWriteAndTheQueryBusAnswers() throws Exception {
        MongoDatabase oneByOne = mongo.freshDatabase();
        GrantFeed feed = new GrantFeed(new GrantCaseProjection(oneByOne), new AuditTrailProjection(oneByOne));
        feed.send(yuzawaEvents().toArray(CaseEvent[]::new));

        MongoDatabase batched = mongo.freshDatabase();
        var handler = new AnnotationEventHandlerAdapter(new GrantCaseProjection(batched));
        List<EventMessage<?>> messages = new ArrayList<>();
        for (GrantFeed.Sent s : feed.sent()) {
            messages.add(new GenericDomainEventMessage<>("GrantCase", YUZAWA, s.seq(), s.event(), MetaData.emptyInstance(),
                    "event-" + s.seq(), s.recordedAt()));
        }
        assertThat(Batch.run(messages, handler)).isEmpty();
        assertThat(documents(batched)).isEqualTo(documents(oneByOne));

        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(new GrantQueries(batched,
                Clock.fixed(Instant.parse("2026-03-10T00:00:00Z"), ZoneOffset.UTC))).subscribe(bus);
        GrantCaseView view = ask(bus, new FindGrantCase(YUZAWA), ResponseTypes.instanceOf(GrantCaseView.class));
        assertThat(view.version()).isEqualTo(4);
        assertThat(view.waitingFor().step()).isEqualTo(GrantStep.DECISION_NOTIFIED);
        assertThat(ask(bus, new FindGrantCase("nope"), ResponseTypes.optionalInstanceOf(GrantCaseView.class))).isEmpty();
        assertThat(ask(bus, new GrantWorklist("tohoku", null, 2025, null),
                ResponseTypes.multipleInstancesOf(GrantCaseSummary.class))).hasSize(1);
        assertThat(ask(bus, new DeadlineBoard("tohoku", day(2026, 3, 1), day(2026, 3, 31)),
                ResponseTypes.multipleInstancesOf(DeadlineItem.class))).extracting(DeadlineItem::step)
                .containsExactly(GrantStep.DECISION_NOTIFIED, GrantStep.PAID);
        assertThat(ask(bus, new PendingApprovals("tohoku"), ResponseTypes.multipleInstancesOf(PendingApproval.class)))
                .isEmpty();
    }

    private static List<CaseEvent> yuzawaEvents() {
        GrantType chiiki = GrantType.CHIIKI_SHIEN_JIGYO;
        return List.of(opened(YUZAWA, chiiki, "052078", 2025, day(2025, 7, 1)),
                procedure(YUZAWA, INITIAL, chiiki, ProcedureKind.INITIAL, 2025, day(2025, 7, 1)),
                step(YUZAWA, INITIAL, ProcedureKind.INITIAL, GrantStep.APPLICATION_SUBMITTED, day(2026, 2, 27), 5_000_000L),
                step(YUZAWA, INITIAL, ProcedureKind.INITIAL, GrantStep.EXPENDITURE_AUTHORITY_RECEIVED, day(2026, 3, 5),
                        5_000_000L),
                step(YUZAWA, INITIAL, ProcedureKind.INITIAL, GrantStep.DECISION_APPROVED, day(2026, 3, 10), 4_080_000L));
    }

    /** Compared as maps: the embedded server may keep the fields of a replaced document in another order. */
    private static List<Document> documents(MongoDatabase db) {
        List<Document> all = new ArrayList<>();
        for (String name : List.of(GrantCaseRepository.COLLECTION, GrantBuckets.COLLECTION, GrantBuckets.ROWS)) {
            db.getCollection(name).find().sort(new Document("_id", 1)).batchSize(100).forEach(all::add);
        }
        return all;
    }

    private static <R> R ask(SimpleQueryBus bus, Object query, ResponseType<R> type) throws Exception {
        return bus.query(new GenericQueryMessage<>(query, type)).get().getPayload();
    }
}
