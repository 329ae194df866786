package casebook.progress;

import static casebook.testing.Events.completed;
import static casebook.testing.Events.held;
import static casebook.testing.Events.homework;
import static casebook.testing.Events.planned;
import static casebook.testing.Events.registered;
import static casebook.testing.Events.selected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import casebook.kernel.engagement.CorrectedFields;
import casebook.kernel.engagement.EngagementStatus;
import casebook.kernel.engagement.MilestoneStatus;
import casebook.kernel.engagement.Programme;
import casebook.kernel.engagement.event.AdvisorAssigned;
import casebook.kernel.engagement.event.EngagementRecordCorrected;
import casebook.kernel.engagement.event.EngagementWithdrawn;
import casebook.kernel.engagement.event.MilestoneRescheduled;
import casebook.kernel.engagement.query.EngagementSummary;
import casebook.kernel.engagement.query.EngagementView;
import casebook.kernel.engagement.query.FindEngagement;
import casebook.kernel.engagement.query.HomeworkStatus;
import casebook.kernel.engagement.query.HomeworkView;
import casebook.kernel.engagement.query.ListEngagements;
import casebook.kernel.engagement.query.MilestoneMatrix;
import casebook.kernel.engagement.query.MilestoneView;
import casebook.kernel.engagement.query.OpenHomework;
import casebook.kernel.time.PeriodPart;
import casebook.kernel.time.PlannedPeriod;
import casebook.testing.EmbeddedMongo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EngagementProjectionTest {

    private static final String KURUME = "kurume";
    private static EmbeddedMongo mongo;
    private MongoDatabase db;
    private EngagementProjection projection;
    private EngagementQueries queries;
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
        projection = new EngagementProjection(db);
        queries = new EngagementQueries(db);
        feed = new Feed(projection);
    }

    @Test
    void replayingTheSameEventsTwiceChangesNoDocument() {
        kurumeUnderWay();
        feed.send(registered("kawara", "406015", Programme.KASOKUKA, 2024, day(5, 15)));
        List<String> before = allDocuments();

        feed.replayAll();
        feed.replayAll();

        assertThat(allDocuments()).isEqualTo(before);
        assertThat(queries.find(new FindEngagement(KURUME)).version()).isEqualTo(4);
    }

    @Test
    void aLostBucketWriteIsRepairedWhenTheLastEventIsRedelivered() {
        kurumeUnderWay();
        db.getCollection(BucketRepository.COLLECTION).deleteMany(new Document());

        feed.replayAll();

        assertThat(queries.list(new ListEngagements("kyushu", 2024, null, null)))
                .extracting(EngagementSummary::engagementId).containsExactly(KURUME);
    }

    /** The reader keeps the rows it read while their bucket's stamp stays: a row write or a reset must move it. */
    @Test
    void oneReaderSeesTheMatrixAsItIsNowAfterARowChangesAndAfterAReset() {
        kurumeUnderWay();
        MilestoneMatrix kyushu2024 = new MilestoneMatrix("kyushu", 2024, null);
        assertThat(queries.matrix(kyushu2024).rows().get(0).cells().get("VISIT_1").heldOn()).isNull();

        feed.send(held(KURUME, "VISIT_1", day(10, 3), null, null));
        assertThat(queries.matrix(kyushu2024).rows().get(0).cells().get("VISIT_1").heldOn()).isEqualTo(day(10, 3));

        projection.reset();
        assertThat(queries.matrix(kyushu2024).rows()).isEmpty();
        feed.replayAll();
        assertThat(queries.matrix(kyushu2024).rows().get(0).cells().get("VISIT_1").heldOn()).isEqualTo(day(10, 3));
    }

    @Test
    void aCorrectedHeldDateShowsInTheDetailAndTheMatrix() {
        kurumeUnderWay();
        long visitHeld = feed.send(held(KURUME, "VISIT_1", day(10, 3), null, null));

        feed.send(new EngagementRecordCorrected(KURUME, visitHeld, "MilestoneHeld",
                fields(day(10, 4), null, null), "日付の入力誤り", day(10, 15)));

        EngagementView view = queries.find(new FindEngagement(KURUME));
        assertThat(milestone(view, "VISIT_1").heldOn()).isEqualTo(day(10, 4));
        assertThat(milestone(view, "VISIT_1").status()).isEqualTo(MilestoneStatus.HELD);
        assertThat(view.version()).isEqualTo(visitHeld + 1);
        assertThat(queries.matrix(new MilestoneMatrix("kyushu", 2024, null)).rows().get(0).cells().get("VISIT_1")
                .heldOn()).isEqualTo(day(10, 4));
    }

    @Test
    void correctingASupersededPlanLeavesTheCurrentPlan() {
        kurumeUnderWay();
        long firstPlan = feed.send(planned(KURUME, "M1_5", day(10, 17), "10:00", "11:30"));
        long reschedule = feed.send(new MilestoneRescheduled(KURUME, "M1_5", day(10, 17), null, day(10, 18), null,
                null, null, null, null, "市の都合", day(10, 1)));

        feed.send(new EngagementRecordCorrected(KURUME, firstPlan, "MilestonePlanned",
                fields(null, day(10, 16), null), "誤記", day(10, 2)));
        assertThat(milestone(queries.find(new FindEngagement(KURUME)), "M1_5").plannedOn()).isEqualTo(day(10, 18));

        feed.send(new EngagementRecordCorrected(KURUME, reschedule, "MilestoneRescheduled",
                fields(null, null, new PlannedPeriod(2024, 10, PeriodPart.LATE)), "日程未確定", day(10, 2)));
        MilestoneView m15 = milestone(queries.find(new FindEngagement(KURUME)), "M1_5");
        assertThat(m15.plannedOn()).isNull();
        assertThat(m15.plannedPeriod().label()).isEqualTo("10月下旬");
    }

    @Test
    void openHomeworkAppearsAndDisappearsOnCompletion() {
        kurumeUnderWay();
        feed.send(homework(KURUME, "hw-1", "M1_5", day(10, 3)), homework(KURUME, "hw-2", null, day(10, 3)));

        assertThat(queries.openHomework(new OpenHomework("kyushu", 2024)))
                .extracting(HomeworkView::itemId, HomeworkView::municipalityName, HomeworkView::dueBeforeLabel)
                .containsExactly(tuple("hw-1", "久留米市", "1.5mtg"),
                        tuple("hw-2", "久留米市", null));

        feed.send(completed(KURUME, "hw-1", day(10, 10)));

        assertThat(queries.openHomework(new OpenHomework("kyushu", 2024))).extracting(HomeworkView::itemId)
                .containsExactly("hw-2");
        assertThat(queries.openHomework(new OpenHomework(null, 2024))).hasSize(1);
        assertThat(queries.find(new FindEngagement(KURUME)).homework()).filteredOn(h -> h.itemId().equals("hw-1"))
                .singleElement().satisfies(h -> {
                    assertThat(h.status()).isEqualTo(HomeworkStatus.COMPLETED);
                    assertThat(h.completedOn()).isEqualTo(day(10, 10));
                });
    }

    @Test
    void theListFiltersByBureauFiscalYearProgrammeAndStatus() {
        kurumeUnderWay();                                                                   // IN_SUPPORT
        feed.send(registered("kawara", "406015", Programme.KASOKUKA, 2024, day(5, 15)));    // CANDIDATE
        feed.send(registered("genkai", "413879", Programme.ZAITAKU_RENKEI, 2024, day(5, 15)),
                selected("genkai", day(6, 1)));                                             // SELECTED
        feed.send(registered("ogaki", "212024", Programme.KASOKUKA, 2024, day(5, 20)));     // another bureau
        feed.send(registered("saiki", "442054", Programme.KASOKUKA, 2025, LocalDate.of(2025, 5, 1)));

        assertThat(ids(new ListEngagements("kyushu", 2024, null, null))).containsExactly(KURUME, "kawara", "genkai");
        assertThat(ids(new ListEngagements("kyushu", 2024, Programme.KASOKUKA, null))).containsExactly(KURUME, "kawara");
        assertThat(ids(new ListEngagements(null, 2024, null, EngagementStatus.CANDIDATE)))
                .containsExactly("kawara", "ogaki");
        assertThat(ids(new ListEngagements("kyushu", null, null, null))).containsExactly(KURUME, "kawara", "genkai",
                "saiki");
        assertThat(ids(new ListEngagements(null, null, Programme.ZAITAKU_RENKEI, EngagementStatus.SELECTED)))
                .containsExactly("genkai");
        assertThat(ids(new ListEngagements(null, null, null, null))).hasSize(5);
        assertThat(ids(new ListEngagements("hokkaido", 2024, null, null))).isEmpty();
    }

    @Test
    void theDetailCarriesStatusNextMilestoneAndNumberedSessionsInTemplateOrder() {
        kurumeUnderWay();
        feed.send(held(KURUME, "ONLINE_SESSION_2", day(9, 20), "10:00", "11:00"),
                held(KURUME, "ONLINE_SESSION_1", day(9, 10), "10:00", "11:00"),
                planned(KURUME, "VISIT_1", day(10, 3), null, null));

        EngagementView view = queries.find(new FindEngagement(KURUME));
        assertThat(view.milestones()).extracting(MilestoneView::key).containsExactly("M0_5", "VISIT_1", "M1_5",
                "VISIT_2", "M2_5", "VISIT_3", "REPORT_MEETING", "ONLINE_SESSION_1", "ONLINE_SESSION_2");
        assertThat(milestone(view, "ONLINE_SESSION_2").label()).isEqualTo("オンライン支援2");
        assertThat(view.status()).isEqualTo(EngagementStatus.IN_SUPPORT);
        assertThat(view.statusLabel()).isEqualTo("支援中");
        assertThat(view.nextMilestone().key()).isEqualTo("VISIT_1");
        assertThat(view.nextMilestone().plannedOn()).isEqualTo(day(10, 3));
        assertThat(view.advisors()).extracting(a -> a.name()).containsExactly("山田 太郎");
        assertThat(queries.find(new FindEngagement("unknown"))).isNull();
    }

    @Test
    void aWithdrawnEngagementHasNoNextMilestoneAndKeepsItsStatus() {
        kurumeUnderWay();
        feed.send(new EngagementWithdrawn(KURUME, day(9, 1), "体制が整わない", day(9, 1)),
                held(KURUME, "VISIT_1", day(10, 3), null, null));

        EngagementView view = queries.find(new FindEngagement(KURUME));
        assertThat(view.status()).isEqualTo(EngagementStatus.WITHDRAWN);
        assertThat(view.endReason()).isEqualTo("体制が整わない");
        assertThat(view.nextMilestone()).isNull();
    }

    @Test
    void aStaleWriteIsRefusedSoThatTheEventIsRetried() {
        kurumeUnderWay();
        EngagementRepository repository = new EngagementRepository(db);
        StoredEngagement first = repository.load(KURUME);
        StoredEngagement second = repository.load(KURUME);
        first.engagement().version = 5;
        repository.save(first);

        second.engagement().version = 5;
        assertThatThrownBy(() -> repository.save(second)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theViewsSerialiseToJsonForTheHttpLayer() throws Exception {
        kurumeUnderWay();
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        String detail = json.writeValueAsString(queries.find(new FindEngagement(KURUME)));
        String matrix = json.writeValueAsString(queries.matrix(new MilestoneMatrix("kyushu", 2024, null)));

        assertThat(detail).contains("\"fiscalYearLabel\":\"令和6年度\"", "\"heldOn\":\"2024-08-07\"",
                "\"startTime\":\"15:00:00\"");
        assertThat(matrix).contains("\"M0_5\":{\"plannedOn\":null,\"plannedPeriod\":null,\"heldOn\":\"2024-08-07\"");
    }

    @Test
    void aResetEmptiesTheReadModel() {
        kurumeUnderWay();
        projection.reset();
        assertThat(allDocuments()).isEmpty();
    }

    /** Registered, selected, advisor, 0.5mtg held, 1st visit planned: seq 0 to 4. */
    private void kurumeUnderWay() {
        feed.send(registered(KURUME, "402036", Programme.KASOKUKA, 2024, day(5, 15)),
                selected(KURUME, day(6, 3)),
                new AdvisorAssigned(KURUME, "adv-1", "山田 太郎", "大学", "教授", day(6, 20), day(6, 20)),
                held(KURUME, "M0_5", day(8, 7), "15:00", "16:30"),
                planned(KURUME, "VISIT_1", day(10, 2), null, null));
    }

    private static CorrectedFields fields(LocalDate heldOn, LocalDate plannedOn, PlannedPeriod period) {
        return new CorrectedFields(heldOn, plannedOn, period, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
    }

    private static MilestoneView milestone(EngagementView view, String key) {
        return view.milestones().stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow();
    }

    private List<String> ids(ListEngagements query) {
        return queries.list(query).stream().map(EngagementSummary::engagementId).toList();
    }

    private List<String> allDocuments() {
        List<String> docs = new ArrayList<>();
        for (String name : List.of(EngagementRepository.COLLECTION, BucketRepository.COLLECTION)) {
            db.getCollection(name).find().batchSize(100).forEach(d -> docs.add(d.toJson()));
        }
        return docs;
    }

    private static LocalDate day(int month, int day) {
        return LocalDate.of(month >= 4 ? 2024 : 2025, month, day);
    }
}
