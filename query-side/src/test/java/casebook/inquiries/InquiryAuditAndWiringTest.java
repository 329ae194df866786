package casebook.inquiries;

import static casebook.inquiries.CaseEvents.answered;
import static casebook.inquiries.CaseEvents.approved;
import static casebook.inquiries.CaseEvents.assigned;
import static casebook.inquiries.CaseEvents.closed;
import static casebook.inquiries.CaseEvents.consultation;
import static casebook.inquiries.CaseEvents.day;
import static casebook.inquiries.CaseEvents.escalated;
import static casebook.inquiries.CaseEvents.linked;
import static casebook.inquiries.CaseEvents.ministryAnswer;
import static casebook.inquiries.CaseEvents.received;
import static casebook.inquiries.CaseEvents.rejected;
import static casebook.inquiries.CaseEvents.reopened;
import static casebook.inquiries.CaseEvents.reviewed;
import static casebook.inquiries.CaseEvents.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import casebook.audittrail.AuditTrailProjection;
import casebook.audittrail.AuditTrailQueries;
import casebook.testing.Batch;
import casebook.kernel.audit.CaseEvent;
import casebook.kernel.audit.CaseType;
import casebook.kernel.audit.query.CaseTimeline;
import casebook.kernel.audit.query.TimelineEntry;
import casebook.kernel.consultation.ConsultationStatus;
import casebook.kernel.consultation.LinkKind;
import casebook.kernel.consultation.query.ConsultationList;
import casebook.kernel.consultation.query.ConsultationSummary;
import casebook.kernel.consultation.query.ConsultationView;
import casebook.kernel.consultation.query.FindConsultation;
import casebook.kernel.inquiry.InquiryStatus;
import casebook.kernel.inquiry.query.FindInquiry;
import casebook.kernel.inquiry.query.InquiryInbox;
import casebook.kernel.inquiry.query.InquirySummary;
import casebook.kernel.inquiry.query.InquiryView;
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
import org.axonframework.eventhandling.GenericEventMessage;
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

/** Inquiry and consultation events in the audit trail, and the projections and queries as Axon sees them. */
class InquiryAuditAndWiringTest {

    private static final String YUZAWA = InquiryProjectionTest.YUZAWA;
    private static final String KURUME = InquiryProjectionTest.KURUME;
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
    void theTimelineNamesInquiryEventsInJapaneseAndTheCaseKnowsItsBureau() {
        MongoDatabase db = mongo.freshDatabase();
        Feed feed = new Feed(new InquiryProjection(db), new ConsultationProjection(db), new AuditTrailProjection(db));
        long last = feed.send(inquiryEvents().toArray(CaseEvent[]::new));

        List<TimelineEntry> timeline = new AuditTrailQueries(feed.log()).timeline(new CaseTimeline("q1"));
        assertThat(timeline).extracting(TimelineEntry::type, TimelineEntry::typeLabel).containsExactly(
                tuple("InquiryReceived", "疑義照会受付"), tuple("InquiryAssigned", "担当割当"),
                tuple("InquiryEscalatedToMinistry", "本省照会"), tuple("MinistryAnswerReceived", "本省回答"),
                tuple("InquiryAnswered", "回答"), tuple("InquiryClosed", "完了"), tuple("InquiryReopened", "再開"));
        assertThat(timeline).extracting(TimelineEntry::caseType).containsOnly(CaseType.INQUIRY);
        Document head = db.getCollection("audit_cases").find(new Document("_id", "q1")).first();
        assertThat(head).containsEntry("caseType", "INQUIRY").containsEntry("bureauCode", "tohoku")
                .containsEntry("inquirerCode", YUZAWA).containsEntry("inquirerName", "湯沢市")
                .containsEntry("municipalityName", "湯沢市").containsEntry("lastSeq", last);
    }

    @Test
    void theTimelineNamesConsultationEventsInJapaneseAndTheCaseKnowsItsBureau() {
        MongoDatabase db = mongo.freshDatabase();
        Feed feed = new Feed(new InquiryProjection(db), new ConsultationProjection(db), new AuditTrailProjection(db));
        feed.send(consultationEvents().toArray(CaseEvent[]::new));
        long last = feed.send(consultation("c2", KURUME, 2025, day(2025, 9, 1)), submitted("c2", KURUME, day(2025, 9, 2)),
                reviewed("c2", day(2025, 9, 3), null), rejected("c2", day(2025, 9, 4), "理由"));

        AuditTrailQueries audit = new AuditTrailQueries(feed.log());
        assertThat(audit.timeline(new CaseTimeline("c1"))).extracting(TimelineEntry::typeLabel).containsExactly(
                "個別協議登録", "提出", "審査", "承認", "関連付け", "関連付け");
        List<TimelineEntry> c2 = audit.timeline(new CaseTimeline("c2"));
        assertThat(c2).extracting(TimelineEntry::typeLabel).containsExactly("個別協議登録", "提出", "審査", "不承認");
        assertThat(c2).extracting(TimelineEntry::caseType).containsOnly(CaseType.CONSULTATION);
        Document head = db.getCollection("audit_cases").find(new Document("_id", "c2")).first();
        assertThat(head).containsEntry("caseType", "CONSULTATION").containsEntry("bureauCode", "kyushu")
                .containsEntry("municipalityCode", KURUME).containsEntry("municipalityName", "久留米市")
                .containsEntry("lastSeq", last);
    }

    @Test
    void oneBatchOfDomainEventMessagesWritesWhatEventsOneByOneWriteAndTheQueryBusAnswers() throws Exception {
        MongoDatabase oneByOne = mongo.freshDatabase();
        Feed feed = new Feed(new InquiryProjection(oneByOne), new ConsultationProjection(oneByOne),
                new AuditTrailProjection(oneByOne));
        feed.send(inquiryEvents().toArray(CaseEvent[]::new));
        feed.send(consultationEvents().toArray(CaseEvent[]::new));

        MongoDatabase batched = mongo.freshDatabase();
        var inquiries = new AnnotationEventHandlerAdapter(new InquiryProjection(batched));
        var consultations = new AnnotationEventHandlerAdapter(new ConsultationProjection(batched));
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Feed.Sent s : feed.sent()) {
            messages.add(new GenericDomainEventMessage<>(s.event().getClass().getSimpleName(), s.event().caseId(),
                    s.seq(), s.event(), MetaData.emptyInstance(), "event-" + s.event().caseId() + "-" + s.seq(),
                    s.recordedAt()));
        }
        messages.add(GenericEventMessage.asEventMessage("not a case event")); // the last event still writes the batch
        assertThat(Batch.run(messages, inquiries, consultations)).isEmpty();
        assertThat(documents(batched)).isEqualTo(documents(oneByOne));

        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(new InquiryQueries(batched,
                Clock.fixed(Instant.parse("2025-07-11T00:00:00Z"), ZoneOffset.UTC))).subscribe(bus);
        new AnnotationQueryHandlerAdapter<>(new ConsultationQueries(batched)).subscribe(bus);
        InquiryView inquiry = ask(bus, new FindInquiry("q1"), ResponseTypes.instanceOf(InquiryView.class));
        assertThat(inquiry.version()).isEqualTo(6);
        assertThat(inquiry.status()).isEqualTo(InquiryStatus.ASSIGNED);
        assertThat(ask(bus, new FindInquiry("nope"), ResponseTypes.optionalInstanceOf(InquiryView.class))).isEmpty();
        assertThat(ask(bus, new InquiryInbox("tohoku", false), ResponseTypes.multipleInstancesOf(InquirySummary.class)))
                .extracting(InquirySummary::id, InquirySummary::ageDays).containsExactly(tuple("q1", 39L));
        ConsultationView c1 = ask(bus, new FindConsultation("c1"), ResponseTypes.instanceOf(ConsultationView.class));
        assertThat(c1.status()).isEqualTo(ConsultationStatus.APPROVED);
        assertThat(c1.version()).isEqualTo(5);
        assertThat(ask(bus, new FindConsultation("nope"), ResponseTypes.optionalInstanceOf(ConsultationView.class)))
                .isEmpty();
        assertThat(ask(bus, new ConsultationList("tohoku", 2025), ResponseTypes.multipleInstancesOf(ConsultationSummary.class)))
                .extracting(ConsultationSummary::id).containsExactly("c1");
    }

    private static List<CaseEvent> inquiryEvents() {
        return List.of(received("q1", YUZAWA, day(2025, 6, 2), "件名"), assigned("q1", "sato", day(2025, 6, 3)),
                escalated("q1", day(2025, 6, 5), "質問"), ministryAnswer("q1", day(2025, 6, 20), "本省回答"),
                answered("q1", day(2025, 6, 23), "回答"), closed("q1", day(2025, 6, 30)),
                reopened("q1", day(2025, 7, 10), "追加の質問"));
    }

    private static List<CaseEvent> consultationEvents() {
        return List.of(consultation("c1", YUZAWA, 2025, day(2025, 9, 1)), submitted("c1", YUZAWA, day(2025, 9, 10)),
                reviewed("c1", day(2025, 9, 20), "助言"), approved("c1", day(2025, 10, 15), 1_800_000L),
                linked("c1", LinkKind.GRANT_CASE, "g1", day(2025, 10, 16)),
                linked("c1", LinkKind.ENGAGEMENT, "e1", day(2025, 10, 20)));
    }

    /**
     * Compared as maps: the embedded server may keep the fields of a replaced document in another order. An empty
     * bucket lists nothing, so it is left out: one by one the inquiry passed through its closed bucket, which the batch
     * (closed and reopened within it) never wrote.
     */
    private static List<Document> documents(MongoDatabase db) {
        List<Document> all = new ArrayList<>();
        for (String name : List.of(InquiryProjection.COLLECTION, InquiryProjection.BUCKETS, InquiryProjection.ROWS,
                ConsultationProjection.COLLECTION, ConsultationProjection.BUCKETS, ConsultationProjection.ROWS)) {
            db.getCollection(name).find().sort(new Document("_id", 1)).batchSize(100).forEach(d -> {
                if (!(d.get("ids") instanceof List<?> ids && ids.isEmpty())) {
                    all.add(d);
                }
            });
        }
        return all;
    }

    private static <R> R ask(SimpleQueryBus bus, Object query, ResponseType<R> type) throws Exception {
        return bus.query(new GenericQueryMessage<>(query, type)).get().getPayload();
    }
}
