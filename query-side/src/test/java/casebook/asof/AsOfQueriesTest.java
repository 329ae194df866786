package casebook.asof;

import static casebook.asof.Cases.day;
import static casebook.testing.Events.held;
import static casebook.testing.Events.planned;
import static casebook.testing.Events.registered;
import static casebook.testing.Events.selected;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.audit.CaseType;
import casebook.kernel.audit.asof.CaseState;
import casebook.kernel.audit.asof.CaseStateAsOf;
import casebook.kernel.audit.asof.CaseStep;
import casebook.kernel.audit.asof.CaseSteps;
import casebook.kernel.audit.asof.FieldChange;
import casebook.kernel.consultation.query.ConsultationView;
import casebook.kernel.consultation.query.FindConsultation;
import casebook.kernel.engagement.Programme;
import casebook.kernel.engagement.query.EngagementView;
import casebook.kernel.engagement.query.FindEngagement;
import casebook.inquiries.ConsultationQueries;
import casebook.progress.EngagementQueries;
import casebook.testing.EmbeddedMongo;
import com.mongodb.client.MongoDatabase;
import java.math.BigDecimal;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The query handlers read one case's events from its log and answer from the in-memory fold. */
class AsOfQueriesTest {

    private static final String E = "eng-kaharu";
    private static EmbeddedMongo mongo;
    private MongoDatabase db;
    private Recorder recorder;
    private AsOfQueries queries;

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
        recorder = new Recorder(db);
        queries = new AsOfQueries(recorder.log());
    }

    private long engagement() {
        recorder.send(registered(E, "406015", Programme.KASOKUKA, 2024, day(2024, 5, 15)));
        recorder.send(selected(E, day(2024, 7, 1)));
        recorder.send(planned(E, "M0_5", day(2024, 8, 5), "13:30", "15:00"));
        long heldSeq = recorder.sendAt(held(E, "M0_5", day(2024, 8, 5), "13:30", "15:00"),
                Recorder.evening(day(2024, 9, 20)));
        recorder.send(Cases.heldOnCorrected(E, heldSeq, day(2024, 8, 6), day(2024, 10, 1)));
        return heldSeq;
    }

    @Test
    void theStateFromTheAuditTrailIsTheStoredView() {
        engagement();

        CaseState now = queries.state(new CaseStateAsOf(E, null, null));

        assertThat(now.caseType()).isEqualTo(CaseType.SUPPORT_ENGAGEMENT);
        assertThat(now.eventsApplied()).isEqualTo(5);
        assertThat(now.lastSeq()).isEqualTo(4);
        assertThat(now.state()).isEqualTo(new EngagementQueries(db).find(new FindEngagement(E)));
        EngagementView before = (EngagementView) queries.state(new CaseStateAsOf(E, null, day(2024, 9, 30))).state();
        assertThat(before.milestones().get(0).heldOn()).isEqualTo(day(2024, 8, 5));
        EngagementView known = (EngagementView) queries.state(
                new CaseStateAsOf(E, recorder.of(E).get(4).recordedAt().minusMillis(1), null)).state();
        assertThat(known.milestones().get(0).heldOn()).isEqualTo(day(2024, 8, 5));
    }

    @Test
    void stepsFlagLateEntriesAndCorrectionsWithWhatEachChanged() {
        long heldSeq = engagement();

        List<CaseStep> steps = queries.steps(new CaseSteps(E));

        assertThat(steps).extracting(CaseStep::seq).containsExactly(0L, 1L, 2L, 3L, 4L);
        CaseStep heldStep = steps.get((int) heldSeq);
        assertThat(heldStep.type()).isEqualTo("MilestoneHeld");
        assertThat(heldStep.typeLabel()).isEqualTo("実施記録");
        assertThat(heldStep.lateEntry()).isTrue();
        assertThat(heldStep.correctedBy()).containsExactly(4L);
        assertThat(heldStep.actor()).isEqualTo("officer-kyushu");
        assertThat(heldStep.occurredOn()).isEqualTo(day(2024, 8, 5));
        CaseStep correction = steps.get(4);
        assertThat(correction.corrects()).isEqualTo(heldSeq);
        assertThat(correction.lateEntry()).isFalse();
        assertThat(correction.changes()).containsExactly(new FieldChange("milestones[0].heldOn", "2024-08-05", "2024-08-06"));
        assertThat(steps.get(0).corrects()).isNull();
        assertThat(steps.get(0).changes()).isNotEmpty();
    }

    @Test
    void aCaseReadBeforeIsAnsweredWithWhatTheTrailHoldsNowAfterItGrowsAndIsCorrected() {
        recorder.send(registered(E, "406015", Programme.KASOKUKA, 2024, day(2024, 5, 15)));
        recorder.send(selected(E, day(2024, 7, 1)));
        assertThat(queries.steps(new CaseSteps(E))).hasSize(2);

        recorder.send(planned(E, "M0_5", day(2024, 8, 5), "13:30", "15:00"));
        long heldSeq = recorder.send(held(E, "M0_5", day(2024, 8, 5), "13:30", "15:00"));
        assertThat(queries.steps(new CaseSteps(E))).extracting(CaseStep::seq).containsExactly(0L, 1L, 2L, 3L);
        assertThat(queries.steps(new CaseSteps(E)).get((int) heldSeq).correctedBy()).isEmpty();

        recorder.send(Cases.heldOnCorrected(E, heldSeq, day(2024, 8, 6), day(2024, 10, 1)));
        List<CaseStep> corrected = queries.steps(new CaseSteps(E));
        assertThat(corrected).extracting(CaseStep::seq).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(corrected.get((int) heldSeq).correctedBy()).containsExactly(4L);
        assertThat(queries.state(new CaseStateAsOf(E, null, null)).state())
                .isEqualTo(new EngagementQueries(db).find(new FindEngagement(E)));
    }

    @Test
    void aCaseIsAnsweredFromItsLogWhileTheAuditTrailIsRebuilt() {
        engagement();
        db.getCollection("audit_cases").deleteMany(new Document());

        assertThat(queries.steps(new CaseSteps(E))).extracting(CaseStep::seq).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(queries.state(new CaseStateAsOf(E, null, null)).lastSeq()).isEqualTo(4);
    }

    @Test
    void unknownCasesHaveNoStateAndNoSteps() {
        assertThat(queries.state(new CaseStateAsOf("nope", null, null))).isNull();
        assertThat(queries.state(new CaseStateAsOf(null, null, null))).isNull();
        assertThat(queries.steps(new CaseSteps("nope"))).isEmpty();
    }

    @Test
    void loadsOnlyTheCasesOwnEventsFromTheAuditTrail() {
        engagement();
        recorder.send(registered("other", "406015", Programme.KASOKUKA, 2025, day(2025, 5, 15)));
        recorder.send(selected("other", day(2025, 7, 1)));

        assertThat(queries.steps(new CaseSteps(E))).hasSize(5);
        assertThat(queries.steps(new CaseSteps("other"))).hasSize(2);
        assertThat(((EngagementView) queries.state(new CaseStateAsOf("other", null, null)).state()).fiscalYear())
                .isEqualTo(2025);
    }

    @Test
    void payloadsComeBackAsTheKernelsEventsDecimalsIncluded() {
        recorder.send(Cases.consultation("con-1", 2025, day(2025, 7, 1)));
        recorder.send(Cases.approved("con-1", day(2025, 9, 1), 1_500_000L));

        ConsultationView v = (ConsultationView) queries.state(new CaseStateAsOf("con-1", null, null)).state();

        assertThat(v).isEqualTo(new ConsultationQueries(db).find(new FindConsultation("con-1")));
        assertThat(v.capInputs().growthRate75Plus()).isEqualByComparingTo(new BigDecimal("1.032"));
        assertThat(v.approvedExcessAmount()).isEqualTo(1_500_000L);
    }

}
