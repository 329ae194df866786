package casebook.inquiries;

import static casebook.inquiries.CaseEvents.approved;
import static casebook.inquiries.CaseEvents.consultation;
import static casebook.inquiries.CaseEvents.day;
import static casebook.inquiries.CaseEvents.linked;
import static casebook.inquiries.CaseEvents.rejected;
import static casebook.inquiries.CaseEvents.reviewed;
import static casebook.inquiries.CaseEvents.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import casebook.audittrail.AuditTrailProjection;
import casebook.kernel.consultation.CapInputs;
import casebook.kernel.consultation.ConsultationReason;
import casebook.kernel.consultation.ConsultationStatus;
import casebook.kernel.consultation.LinkKind;
import casebook.kernel.consultation.query.ConsultationLink;
import casebook.kernel.consultation.query.ConsultationList;
import casebook.kernel.consultation.query.ConsultationRejection;
import casebook.kernel.consultation.query.ConsultationReview;
import casebook.kernel.consultation.query.ConsultationSummary;
import casebook.kernel.consultation.query.ConsultationView;
import casebook.kernel.consultation.query.FindConsultation;
import casebook.testing.EmbeddedMongo;
import com.mongodb.client.MongoDatabase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsultationProjectionTest {

    private static final String YUZAWA = InquiryProjectionTest.YUZAWA;
    private static final String AKITA = InquiryProjectionTest.AKITA;
    private static final String KURUME = InquiryProjectionTest.KURUME;
    private static EmbeddedMongo mongo;
    private MongoDatabase db;
    private Feed feed;
    private ConsultationQueries queries;

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
        queries = new ConsultationQueries(db);
    }

    @Test
    void aConsultationIsSubmittedReviewedApprovedAndLinked() {
        feed.send(consultation("c1", YUZAWA, 2025, day(2025, 9, 1)));
        ConsultationView v = queries.find(new FindConsultation("c1"));
        assertThat(v.id()).isEqualTo("c1");
        assertThat(v.municipalityCode()).isEqualTo(YUZAWA);
        assertThat(v.municipalityName()).isEqualTo("湯沢市");
        assertThat(v.prefectureCode()).isEqualTo("050008");
        assertThat(v.bureauCode()).isEqualTo("tohoku");
        assertThat(v.fiscalYear()).isEqualTo(2025);
        assertThat(v.fiscalYearLabel()).isEqualTo("令和7年度");
        assertThat(v.capInputs()).isEqualTo(new CapInputs(9_689_922L, new BigDecimal("1.032"), 10_000_000L));
        assertThat(v.plannedCost()).isEqualTo(12_000_000L);
        assertThat(v.excessAmount()).isEqualTo(2_000_000L);
        assertThat(v.reason()).isEqualTo(ConsultationReason.DISASTER);
        assertThat(v.reasonLabel()).isEqualTo("災害");
        assertThat(v.reasonDetail()).isEqualTo("令和6年7月豪雨の復旧に伴う利用増");
        assertThat(v.openedOn()).isEqualTo(day(2025, 9, 1));
        assertThat(v.status()).isEqualTo(ConsultationStatus.OPENED);
        assertThat(v.statusLabel()).isEqualTo("作成中");
        assertThat(v.reviews()).isEmpty();
        assertThat(v.links()).isEmpty();
        assertThat(v.approvedExcessAmount()).isNull();
        assertThat(v.version()).isZero();

        feed.send(submitted("c1", YUZAWA, day(2025, 9, 10)),
                reviewed("c1", day(2025, 9, 20), "積算根拠の補足を助言"),
                reviewed("c1", day(2025, 10, 1), "補足を確認"));
        v = queries.find(new FindConsultation("c1"));
        assertThat(v.status()).isEqualTo(ConsultationStatus.REVIEWED);
        assertThat(v.submittedOn()).isEqualTo(day(2025, 9, 10));
        assertThat(v.submittedViaName()).isEqualTo("秋田県");
        assertThat(v.reviews()).containsExactly(
                new ConsultationReview(day(2025, 9, 20), "reviewer-tohoku", "積算根拠の補足を助言"),
                new ConsultationReview(day(2025, 10, 1), "reviewer-tohoku", "補足を確認"));

        long last = feed.send(approved("c1", day(2025, 10, 15), 1_800_000L),
                linked("c1", LinkKind.GRANT_CASE, "grant-yuzawa-2025", day(2025, 10, 16)),
                linked("c1", LinkKind.ENGAGEMENT, "eng-yuzawa", day(2025, 10, 20)));
        v = queries.find(new FindConsultation("c1"));
        assertThat(v.status()).isEqualTo(ConsultationStatus.APPROVED);
        assertThat(v.statusLabel()).isEqualTo("承認");
        assertThat(v.approvedExcessAmount()).isEqualTo(1_800_000L);
        assertThat(v.approvedBy()).isEqualTo("director-tohoku");
        assertThat(v.approvedOn()).isEqualTo(day(2025, 10, 15));
        assertThat(v.rejection()).isNull();
        assertThat(v.links()).containsExactly(
                new ConsultationLink(LinkKind.GRANT_CASE, "grant-yuzawa-2025", day(2025, 10, 16)),
                new ConsultationLink(LinkKind.ENGAGEMENT, "eng-yuzawa", day(2025, 10, 20)));
        assertThat(v.grantCaseIds()).containsExactly("grant-yuzawa-2025");
        assertThat(v.engagementIds()).containsExactly("eng-yuzawa");
        assertThat(v.version()).isEqualTo(last).isEqualTo(6);
        assertThat(queries.find(new FindConsultation("nope"))).isNull();

        ConsultationSummary row = queries.list(new ConsultationList("tohoku", 2025)).get(0);
        assertThat(row).isEqualTo(new ConsultationSummary("c1", YUZAWA, "湯沢市", "tohoku", 2025, "令和7年度",
                12_000_000L, 2_000_000L, 1_800_000L, ConsultationReason.DISASTER, ConsultationStatus.APPROVED, "承認",
                day(2025, 9, 10), day(2025, 10, 15), List.of("grant-yuzawa-2025"), List.of("eng-yuzawa"), 6));
    }

    @Test
    void theListIsByBucketAndARejectionIsKept() {
        feed.send(consultation("c-yuzawa", YUZAWA, 2025, day(2025, 9, 1)),
                consultation("c-akita", AKITA, 2025, day(2025, 9, 2)),
                consultation("c-akita-24", AKITA, 2024, day(2024, 9, 2)),
                consultation("c-kurume", KURUME, 2025, day(2025, 9, 3)));
        feed.send(submitted("c-akita", AKITA, day(2025, 9, 5)), reviewed("c-akita", day(2025, 9, 8), null),
                rejected("c-akita", day(2025, 9, 30), "特別な事情が認められない"));

        assertThat(queries.list(new ConsultationList("tohoku", 2025))).extracting(ConsultationSummary::id,
                ConsultationSummary::status, ConsultationSummary::decidedOn).containsExactly(
                tuple("c-akita", ConsultationStatus.REJECTED, day(2025, 9, 30)),
                tuple("c-yuzawa", ConsultationStatus.OPENED, null));
        assertThat(queries.list(new ConsultationList("tohoku", null))).extracting(ConsultationSummary::id)
                .containsExactly("c-akita-24", "c-akita", "c-yuzawa");
        assertThat(queries.list(new ConsultationList(null, 2025))).extracting(ConsultationSummary::id)
                .containsExactly("c-kurume", "c-akita", "c-yuzawa");
        assertThat(queries.list(new ConsultationList(null, null))).hasSize(4);
        assertThat(queries.list(new ConsultationList("kyushu", 2024))).isEmpty();
        assertThat(queries.list(new ConsultationList("tohoku", 1999))).isEmpty();

        ConsultationView akita = queries.find(new FindConsultation("c-akita"));
        assertThat(akita.rejection()).isEqualTo(new ConsultationRejection(day(2025, 9, 30), "特別な事情が認められない"));
        assertThat(akita.statusLabel()).isEqualTo("不承認");
        assertThat(akita.reviews()).containsExactly(new ConsultationReview(day(2025, 9, 8), "reviewer-tohoku", null));
    }

    @Test
    void replayingEveryEventChangesNothing() {
        feed.send(consultation("c1", YUZAWA, 2025, day(2025, 9, 1)), submitted("c1", YUZAWA, day(2025, 9, 10)),
                reviewed("c1", day(2025, 9, 20), "助言"), approved("c1", day(2025, 10, 15), 1_800_000L),
                linked("c1", LinkKind.GRANT_CASE, "g1", day(2025, 10, 16)));
        feed.send(consultation("c2", KURUME, 2025, day(2025, 9, 3)));
        List<Document> before = documents();
        assertThat(before).isNotEmpty();

        feed.replayAll();
        assertThat(documents()).isEqualTo(before);
        // The same link delivered again under a later seq (a projection fed twice) is still listed once.
        new ConsultationProjection(db).on(linked("c1", LinkKind.GRANT_CASE, "g1", day(2025, 10, 17)), 5L, null);
        assertThat(queries.find(new FindConsultation("c1")).links()).hasSize(1);
    }

    private List<Document> documents() {
        List<Document> all = new ArrayList<>();
        for (String name : List.of(ConsultationProjection.COLLECTION, ConsultationProjection.BUCKETS,
                ConsultationProjection.ROWS)) {
            db.getCollection(name).find().sort(new Document("_id", 1)).batchSize(100).forEach(all::add);
        }
        return all;
    }
}
