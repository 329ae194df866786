package casebook.inquiries;

import static casebook.inquiries.CaseEvents.answered;
import static casebook.inquiries.CaseEvents.assigned;
import static casebook.inquiries.CaseEvents.closed;
import static casebook.inquiries.CaseEvents.day;
import static casebook.inquiries.CaseEvents.escalated;
import static casebook.inquiries.CaseEvents.ministryAnswer;
import static casebook.inquiries.CaseEvents.received;
import static casebook.inquiries.CaseEvents.reopened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import casebook.audittrail.AuditTrailProjection;
import casebook.kernel.grant.GrantType;
import casebook.kernel.inquiry.InquirerKind;
import casebook.kernel.inquiry.InquiryChannel;
import casebook.kernel.inquiry.InquiryStatus;
import casebook.kernel.inquiry.query.FindInquiry;
import casebook.kernel.inquiry.query.InquiryAnswer;
import casebook.kernel.inquiry.query.InquiryInbox;
import casebook.kernel.inquiry.query.InquiryReopening;
import casebook.kernel.inquiry.query.InquirySummary;
import casebook.kernel.inquiry.query.InquiryView;
import casebook.kernel.inquiry.query.MinistryEscalation;
import casebook.testing.EmbeddedMongo;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InquiryProjectionTest {

    static final String YUZAWA = "052078";
    static final String AKITA = "052019";
    static final String KURUME = "402036";
    private static EmbeddedMongo mongo;
    private MongoDatabase db;
    private Feed feed;

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
        feed = new Feed(new InquiryProjection(db), new ConsultationProjection(db), new AuditTrailProjection(db));
    }

    @Test
    void anInquiryGoesToTheMinistryAndBackIsAnsweredClosedAndReopened() {
        feed.send(received("q1", YUZAWA, day(2025, 6, 2), "一般介護予防事業の対象経費"));
        InquiryView v = find("q1");
        assertThat(v.id()).isEqualTo("q1");
        assertThat(v.fromKind()).isEqualTo(InquirerKind.MUNICIPALITY);
        assertThat(v.fromKindLabel()).isEqualTo("市町村");
        assertThat(v.fromCode()).isEqualTo(YUZAWA);
        assertThat(v.fromName()).isEqualTo("湯沢市");
        assertThat(v.prefectureCode()).isEqualTo("050008");
        assertThat(v.bureauCode()).isEqualTo("tohoku");
        assertThat(v.channel()).isEqualTo(InquiryChannel.EMAIL);
        assertThat(v.channelLabel()).isEqualTo("メール");
        assertThat(v.receivedOn()).isEqualTo(day(2025, 6, 2));
        assertThat(v.subject()).isEqualTo("一般介護予防事業の対象経費");
        assertThat(v.question()).isEqualTo("対象経費に含めてよいか");
        assertThat(v.grantType()).isEqualTo(GrantType.CHIIKI_SHIEN_JIGYO);
        assertThat(v.grantTypeLabel()).isEqualTo("地域支援事業交付金");
        assertThat(v.grantCaseId()).isEqualTo("grant-q1");
        assertThat(v.status()).isEqualTo(InquiryStatus.RECEIVED);
        assertThat(v.statusLabel()).isEqualTo("受付");
        assertThat(v.assignedTo()).isNull();
        assertThat(v.escalation()).isNull();
        assertThat(v.escalations()).isEmpty();
        assertThat(v.reopenings()).isEmpty();
        assertThat(v.version()).isZero();
        assertThat(v.lastRecordedAt()).isEqualTo(Instant.parse("2025-06-02T09:00:00Z"));

        feed.send(assigned("q1", "sato", day(2025, 6, 3)),
                escalated("q1", day(2025, 6, 5), "本省の解釈を確認したい"));
        v = find("q1");
        assertThat(v.assignedTo()).isEqualTo("sato");
        assertThat(v.assignedOn()).isEqualTo(day(2025, 6, 3));
        assertThat(v.status()).isEqualTo(InquiryStatus.ESCALATED);
        assertThat(v.statusLabel()).isEqualTo("本省照会中");
        assertThat(v.awaitingMinistry()).isTrue();
        assertThat(v.escalation()).isEqualTo(new MinistryEscalation("本省の解釈を確認したい", day(2025, 6, 5), null, null));

        feed.send(ministryAnswer("q1", day(2025, 6, 20), "対象経費に含めてよい"));
        v = find("q1");
        assertThat(v.status()).isEqualTo(InquiryStatus.ASSIGNED); // back with the officer, who answers the inquirer
        assertThat(v.awaitingMinistry()).isFalse();
        assertThat(v.escalation()).isEqualTo(new MinistryEscalation("本省の解釈を確認したい", day(2025, 6, 5),
                "対象経費に含めてよい", day(2025, 6, 20)));
        assertThat(v.escalations()).hasSize(1);

        feed.send(answered("q1", day(2025, 6, 23), "含めて差し支えない"), closed("q1", day(2025, 6, 30)));
        v = find("q1");
        assertThat(v.status()).isEqualTo(InquiryStatus.CLOSED);
        assertThat(v.statusLabel()).isEqualTo("完了");
        assertThat(v.answer()).isEqualTo("含めて差し支えない");
        assertThat(v.answeredOn()).isEqualTo(day(2025, 6, 23));
        assertThat(v.closedOn()).isEqualTo(day(2025, 6, 30));

        long last = feed.send(reopened("q1", day(2025, 7, 10), "追加の質問"));
        v = find("q1");
        assertThat(v.status()).isEqualTo(InquiryStatus.ASSIGNED);
        assertThat(v.closedOn()).isNull();
        assertThat(v.reopenings()).containsExactly(new InquiryReopening(day(2025, 7, 10), "追加の質問", day(2025, 6, 30)));
        assertThat(v.answer()).isEqualTo("含めて差し支えない"); // the answer given stands
        assertThat(v.answers()).containsExactly(new InquiryAnswer(day(2025, 6, 23), "含めて差し支えない"));
        assertThat(v.version()).isEqualTo(last).isEqualTo(6);

        feed.send(answered("q1", day(2025, 7, 14), "補足: 按分して計上する"));
        v = find("q1");
        assertThat(v.status()).isEqualTo(InquiryStatus.ANSWERED);
        assertThat(v.answer()).isEqualTo("補足: 按分して計上する");
        assertThat(v.answers()).extracting(InquiryAnswer::answeredOn).containsExactly(day(2025, 6, 23), day(2025, 7, 14));
        assertThat(find("nope")).isNull();
    }

    @Test
    void aMinistryAnswerWithoutAnOfficerGoesBackToReceivedAndASecondEscalationIsKept() {
        feed.send(received("q2", YUZAWA, day(2025, 6, 2), "件名"),
                escalated("q2", day(2025, 6, 3), "一回目"), ministryAnswer("q2", day(2025, 6, 4), "回答一"),
                escalated("q2", day(2025, 6, 5), "二回目"));
        InquiryView v = find("q2");
        assertThat(v.status()).isEqualTo(InquiryStatus.ESCALATED);
        assertThat(v.escalations()).extracting(MinistryEscalation::question, MinistryEscalation::ministryAnswer)
                .containsExactly(tuple("一回目", "回答一"), tuple("二回目", null));
        assertThat(v.escalation().question()).isEqualTo("二回目");
        assertThat(v.awaitingMinistry()).isTrue();

        feed.send(ministryAnswer("q2", day(2025, 6, 9), "回答二"));
        assertThat(find("q2").status()).isEqualTo(InquiryStatus.RECEIVED);
    }

    @Test
    void theInboxListsTheOldestFirstAgedInTokyoAndLeavesClosedOnesOutUnlessAsked() {
        feed.send(received("late", AKITA, day(2025, 6, 20), "後から来た照会"),
                received("early", YUZAWA, day(2025, 5, 12), "先に来た照会"),
                received("done", YUZAWA, day(2025, 4, 1), "完了した照会"),
                received("kyushu", KURUME, day(2025, 6, 1), "九州の照会"));
        feed.send(assigned("done", "sato", day(2025, 4, 2)), answered("done", day(2025, 4, 10), "回答"),
                closed("done", day(2025, 4, 11)));
        feed.send(assigned("early", "suzuki", day(2025, 5, 13)));

        // 15:30 UTC on 30 June is already 1 July in Tokyo.
        InquiryQueries queries = queries("2025-06-30T15:30:00Z");
        List<InquirySummary> open = queries.inbox(new InquiryInbox("tohoku", false));
        assertThat(open).extracting(InquirySummary::id, InquirySummary::ageDays, InquirySummary::status,
                InquirySummary::assignedTo).containsExactly(
                tuple("early", 50L, InquiryStatus.ASSIGNED, "suzuki"),
                tuple("late", 11L, InquiryStatus.RECEIVED, null));
        assertThat(open.get(1).fromName()).isEqualTo("秋田市");
        assertThat(open.get(1).statusLabel()).isEqualTo("受付");

        assertThat(queries.inbox(new InquiryInbox("tohoku", true))).extracting(InquirySummary::id,
                InquirySummary::ageDays, InquirySummary::closedOn).containsExactly(
                tuple("done", 91L, day(2025, 4, 11)), tuple("early", 50L, null), tuple("late", 11L, null));
        assertThat(queries.inbox(new InquiryInbox(null, false))).extracting(InquirySummary::id)
                .containsExactly("early", "kyushu", "late");
        assertThat(queries.inbox(new InquiryInbox("kyushu", true))).extracting(InquirySummary::bureauCode)
                .containsExactly("kyushu");
        assertThat(queries.inbox(new InquiryInbox("hokkaido", true))).isEmpty();
        assertThat(queries("2025-07-01T15:00:00Z").inbox(new InquiryInbox("tohoku", false)))
                .extracting(InquirySummary::ageDays).containsExactly(51L, 12L);

        // Reopening moves it back to the open bucket, closing again out of it.
        feed.send(reopened("done", day(2025, 7, 1), "再質問"));
        assertThat(queries.inbox(new InquiryInbox("tohoku", false))).extracting(InquirySummary::id,
                InquirySummary::reopenings).containsExactly(tuple("done", 1), tuple("early", 0), tuple("late", 0));
        assertThat(bucket("tohoku:open")).containsExactlyInAnyOrder("late", "early", "done");
        assertThat(bucket("tohoku:closed")).isEmpty();
        feed.send(answered("done", day(2025, 7, 2), "再回答"), closed("done", day(2025, 7, 3)));
        assertThat(bucket("tohoku:open")).containsExactlyInAnyOrder("late", "early");
        assertThat(bucket("tohoku:closed")).containsExactly("done");
        assertThat(queries.inbox(new InquiryInbox("tohoku", false))).extracting(InquirySummary::id)
                .containsExactly("early", "late");
    }

    @Test
    void anInquiryCaughtBetweenTwoBucketsIsListedOnceAndByItsStatus() {
        feed.send(received("q", YUZAWA, day(2025, 6, 2), "件名"), answered("q", day(2025, 6, 3), "回答"),
                closed("q", day(2025, 6, 4)));
        // As if a write had failed after joining the closed bucket and before leaving the open one.
        db.getCollection(InquiryProjection.BUCKETS).updateOne(new Document("_id", "tohoku:open"),
                new Document("$addToSet", new Document("ids", "q")));
        InquiryQueries queries = queries("2025-06-10T00:00:00Z");
        assertThat(queries.inbox(new InquiryInbox("tohoku", false))).isEmpty();
        assertThat(queries.inbox(new InquiryInbox("tohoku", true))).extracting(InquirySummary::id).containsExactly("q");
    }

    @Test
    void replayingEveryEventChangesNothingAndStrayEventsAreIgnored() {
        feed.send(received("q1", YUZAWA, day(2025, 6, 2), "件名"), assigned("q1", "sato", day(2025, 6, 3)),
                escalated("q1", day(2025, 6, 5), "質問"), ministryAnswer("q1", day(2025, 6, 20), "本省回答"),
                answered("q1", day(2025, 6, 23), "回答"), closed("q1", day(2025, 6, 30)),
                reopened("q1", day(2025, 7, 10), "追加の質問"));
        feed.send(received("q2", KURUME, day(2025, 6, 9), "件名"));
        List<Document> before = documents();

        feed.replayAll();
        assertThat(documents()).isEqualTo(before);

        // A stale event (an older seq) and an event of an inquiry whose receipt was never seen change nothing.
        InquiryProjection projection = new InquiryProjection(db);
        projection.on(closed("q1", day(2025, 8, 1)), 3L, Instant.parse("2025-08-01T09:00:00Z"));
        projection.on(assigned("ghost", "sato", day(2025, 8, 1)), 1L, Instant.parse("2025-08-01T09:00:00Z"));
        assertThat(documents()).isEqualTo(before);

        projection.reset();
        assertThat(documents()).isEmpty();
        feed.replayAll();
        assertThat(documents()).isEqualTo(before);
    }

    private InquiryView find(String id) {
        return queries("2025-07-01T00:00:00Z").find(new FindInquiry(id));
    }

    private InquiryQueries queries(String instant) {
        return new InquiryQueries(db, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private List<String> bucket(String id) {
        Document d = db.getCollection(InquiryProjection.BUCKETS).find(new Document("_id", id)).first();
        return d == null ? List.of() : d.getList("ids", String.class);
    }

    /** Compared as maps: the embedded server may keep the fields of a replaced document in another order. */
    private List<Document> documents() {
        List<Document> all = new ArrayList<>();
        for (String name : List.of(InquiryProjection.COLLECTION, InquiryProjection.BUCKETS, InquiryProjection.ROWS)) {
            db.getCollection(name).find().sort(new Document("_id", 1)).batchSize(100).forEach(all::add);
        }
        return all;
    }
}
