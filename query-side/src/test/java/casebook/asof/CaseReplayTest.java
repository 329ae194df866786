package casebook.asof;

import static casebook.asof.Cases.day;
import static casebook.testing.Events.held;
import static casebook.testing.Events.planned;
import static casebook.testing.Events.registered;
import static casebook.testing.Events.selected;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.grantwork.GrantCaseReplay;
import casebook.grantwork.GrantQueries;
import casebook.inquiries.ConsultationQueries;
import casebook.inquiries.ConsultationReplay;
import casebook.inquiries.InquiryQueries;
import casebook.inquiries.InquiryReplay;
import casebook.kernel.audit.CaseType;
import casebook.kernel.audit.asof.CaseState;
import casebook.kernel.audit.asof.FieldChange;
import casebook.kernel.audit.asof.RecordedCaseEvent;
import casebook.kernel.consultation.query.FindConsultation;
import casebook.kernel.engagement.MilestoneStatus;
import casebook.kernel.engagement.Programme;
import casebook.kernel.engagement.query.EngagementView;
import casebook.kernel.engagement.query.FindEngagement;
import casebook.kernel.engagement.query.MilestoneView;
import casebook.kernel.grant.GrantStep;
import casebook.kernel.grant.query.FindGrantCase;
import casebook.kernel.grant.query.GrantCaseView;
import casebook.kernel.grant.query.GrantStepStatus;
import casebook.kernel.grant.query.GrantStepView;
import casebook.kernel.inquiry.query.FindInquiry;
import casebook.progress.EngagementQueries;
import casebook.progress.EngagementReplay;
import casebook.testing.EmbeddedMongo;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The in-memory fold gives exactly what the projections store, and the as-of filters show late entries and
 * corrections for what they are. MongoDB is used only to compare with the projections' own documents.
 */
class CaseReplayTest {

    private static final String E = "eng-kaharu";
    private static final String G = "grant-kurume";
    private static EmbeddedMongo mongo;
    private MongoDatabase db;
    private Recorder recorder;

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
    }

    /** 0 registered, 1 selected, 2 M0_5 planned, 3 M0_5 held on 8/5 (recorded 9/20: late), 4 heldOn corrected to 8/6 on 10/1. */
    private long engagementWithLateEntryAndCorrection() {
        recorder.send(registered(E, "406015", Programme.KASOKUKA, 2024, day(2024, 5, 15)));
        recorder.send(selected(E, day(2024, 7, 1)));
        recorder.send(planned(E, "M0_5", day(2024, 8, 5), "13:30", "15:00"));
        long heldSeq = recorder.sendAt(held(E, "M0_5", day(2024, 8, 5), "13:30", "15:00"),
                Recorder.evening(day(2024, 9, 20)));
        recorder.send(Cases.heldOnCorrected(E, heldSeq, day(2024, 8, 6), day(2024, 10, 1)));
        return heldSeq;
    }

    private static MilestoneView m05(Object view) {
        return ((EngagementView) view).milestones().get(0);
    }

    @Test
    void theFoldOfAnEngagementIsWhatTheProjectionStores() {
        engagementWithLateEntryAndCorrection();
        EngagementView stored = new EngagementQueries(db).find(new FindEngagement(E));

        EngagementView replayed = EngagementReplay.replay(recorder.of(E));

        assertThat(replayed).isEqualTo(stored);
        assertThat(CaseReplay.replay(recorder.of(E))).isEqualTo(stored);
        assertThat(replayed.milestones().get(0).heldOn()).isEqualTo(day(2024, 8, 6));
    }

    @Test
    void asOfOccurredBeforeTheCorrectionsDateShowsTheOldValueAndBeforeHeldOnShowsItNotHeld() {
        engagementWithLateEntryAndCorrection();
        List<RecordedCaseEvent> events = recorder.of(E);

        CaseState beforeCorrection = CaseReplay.state(E, null, events, null, day(2024, 9, 30), null);
        assertThat(beforeCorrection.caseType()).isEqualTo(CaseType.SUPPORT_ENGAGEMENT);
        assertThat(m05(beforeCorrection.state()).heldOn()).isEqualTo(day(2024, 8, 5));
        assertThat(beforeCorrection.eventsApplied()).isEqualTo(4);
        assertThat(beforeCorrection.lastSeq()).isEqualTo(3);

        // Held on 8/5 but only recorded on 9/20: as it stood on 8/5 the case knows the meeting (a late entry).
        assertThat(m05(CaseReplay.state(E, null, events, null, day(2024, 8, 5), null).state()).status())
                .isEqualTo(MilestoneStatus.HELD);
        CaseState dayBefore = CaseReplay.state(E, null, events, null, day(2024, 8, 4), null);
        assertThat(m05(dayBefore.state()).status()).isEqualTo(MilestoneStatus.PLANNED);
        assertThat(m05(dayBefore.state()).heldOn()).isNull();

        assertThat(m05(CaseReplay.state(E, null, events, null, day(2024, 10, 1), null).state()).heldOn())
                .isEqualTo(day(2024, 8, 6));
    }

    @Test
    void asOfRecordedBeforeTheCorrectionWasRecordedShowsTheOldValue() {
        engagementWithLateEntryAndCorrection();
        List<RecordedCaseEvent> events = recorder.of(E);
        var correctionRecorded = events.get(4).recordedAt();

        CaseState before = CaseReplay.state(E, null, events, correctionRecorded.minusMillis(1), null, null);
        assertThat(m05(before.state()).heldOn()).isEqualTo(day(2024, 8, 5));
        assertThat(before.lastSeq()).isEqualTo(3);
        CaseState at = CaseReplay.state(E, null, events, correctionRecorded, null, null);
        assertThat(m05(at.state()).heldOn()).isEqualTo(day(2024, 8, 6));

        // What the system knew on 9/1: nothing of the meeting of 8/5 yet, although it had happened.
        CaseState known = CaseReplay.state(E, null, events, Recorder.evening(day(2024, 9, 1)), null, null);
        assertThat(m05(known.state()).status()).isEqualTo(MilestoneStatus.PLANNED);
        // Before the case was registered nothing of it was known.
        CaseState none = CaseReplay.state(E, null, events, Recorder.evening(day(2024, 5, 1)), null, null);
        assertThat(none.state()).isNull();
        assertThat(none.eventsApplied()).isZero();
        assertThat(none.lastSeq()).isNull();
    }

    @Test
    void eachStepShowsTheFieldsItChanged() {
        engagementWithLateEntryAndCorrection();

        List<List<FieldChange>> changes = CaseReplay.changes(recorder.of(E));

        assertThat(changes).hasSize(5);
        assertThat(changes.get(0)).extracting(FieldChange::path)
                .contains("id", "status", "milestones[0].key", "milestones[0].status")
                .doesNotContain("version", "lastRecordedAt");
        assertThat(changes.get(1)).contains(new FieldChange("status", "CANDIDATE", "SELECTED"),
                new FieldChange("selectedOn", null, "2024-07-01"));
        assertThat(changes.get(3)).contains(new FieldChange("milestones[0].status", "PLANNED", "HELD"),
                new FieldChange("milestones[0].heldOn", null, "2024-08-05"),
                new FieldChange("milestones[0].participants[0].headcount", null, 4));
        // The correction changed the date and nothing else.
        assertThat(changes.get(4)).containsExactly(new FieldChange("milestones[0].heldOn", "2024-08-05", "2024-08-06"));
    }

    private void grantCaseUpToPayment() {
        // The case and its procedure were entered in April for steps that had happened before.
        recorder.send(Cases.grantOpened(G, 2025, day(2026, 4, 1)));
        recorder.send(Cases.initial(G, "initial", 2025, day(2026, 4, 1)));
        recorder.send(Cases.step(G, "initial", GrantStep.APPLICATION_SUBMITTED, day(2026, 2, 25), 5_000_000L));
        recorder.send(Cases.step(G, "initial", GrantStep.EXPENDITURE_AUTHORITY_RECEIVED, day(2026, 3, 9), 5_000_000L));
        long decision = recorder.send(Cases.step(G, "initial", GrantStep.DECISION_APPROVED, day(2026, 3, 13), 4_900_000L));
        recorder.send(Cases.step(G, "initial", GrantStep.PAID, day(2026, 3, 27), 4_800_000L));
        recorder.send(Cases.amountCorrected(G, decision, "initial", 4_800_000L, day(2026, 4, 10)));
    }

    @Test
    void theFoldOfAGrantCaseIsWhatTheProjectionStoresAndAnswers() {
        grantCaseUpToPayment();
        LocalDate today = day(2026, 5, 1);
        Clock clock = Clock.fixed(today.atStartOfDay(casebook.kernel.time.BusinessCalendar.TOKYO).toInstant(),
                casebook.kernel.time.BusinessCalendar.TOKYO);
        GrantCaseView answered = new GrantQueries(db, clock).find(new FindGrantCase(G));

        assertThat(GrantCaseReplay.replay(recorder.of(G), today)).isEqualTo(answered);
        assertThat(CaseReplay.state(G, null, recorder.of(G), null, null, today).state()).isEqualTo(answered);
        assertThat(answered.procedures().get(0).amounts().decided()).isEqualTo(4_800_000L);
    }

    @Test
    void aGrantCaseAsOfOccurredBeforeTheDecisionShowsNoDecidedAmount() {
        grantCaseUpToPayment();
        List<RecordedCaseEvent> events = recorder.of(G);

        CaseState before = CaseReplay.state(G, null, events, null, day(2026, 3, 12), null);
        GrantCaseView v = (GrantCaseView) before.state();
        // The procedure was opened in the system on 4/1, after the facts it holds: it counts from them.
        assertThat(v.procedures()).hasSize(1);
        assertThat(v.procedures().get(0).amounts().authorised()).isEqualTo(5_000_000L);
        assertThat(v.procedures().get(0).amounts().decided()).isNull();
        assertThat(v.pendingApproval()).isTrue();
        GrantStepView decision = v.procedures().get(0).steps().stream()
                .filter(s -> s.step() == GrantStep.DECISION_APPROVED).findFirst().orElseThrow();
        assertThat(decision.status()).isNotEqualTo(GrantStepStatus.DONE);
        assertThat(decision.recordings()).isEmpty();

        // On 3/13 the decision stands at the amount first recorded; the correction of 4/10 is not yet made.
        GrantCaseView decided = (GrantCaseView) CaseReplay.state(G, null, events, null, day(2026, 3, 13), null).state();
        assertThat(decided.procedures().get(0).amounts().decided()).isEqualTo(4_900_000L);
        assertThat(decided.pendingApproval()).isFalse();
        GrantCaseView now = (GrantCaseView) CaseReplay.state(G, null, events, null, null, day(2026, 5, 1)).state();
        assertThat(now.procedures().get(0).amounts().decided()).isEqualTo(4_800_000L);

        // Before anything had happened there is nothing to show.
        CaseState nothing = CaseReplay.state(G, null, events, null, day(2026, 1, 1), null);
        assertThat(nothing.state()).isNull();
        assertThat(nothing.eventsApplied()).isZero();
    }

    @Test
    void theCorrectionOfAGrantStepChangesItsAmountAndNotesTheCorrection() {
        grantCaseUpToPayment();

        List<List<FieldChange>> changes = CaseReplay.changes(recorder.of(G));

        assertThat(changes.get(6)).extracting(FieldChange::path).contains("procedures[0].amounts.decided",
                "procedures[0].steps[7].amount", "procedures[0].steps[7].recordings[0].amount",
                "procedures[0].steps[7].recordings[0].correctedBy[0]");
        assertThat(changes.get(6)).contains(new FieldChange("procedures[0].amounts.decided", 4_900_000L, 4_800_000L));
    }

    @Test
    void inquiriesAndConsultationsFoldAsTheirProjectionsStoreThem() {
        recorder.send(Cases.inquiry("inq-1", day(2025, 6, 2)));
        recorder.send(Cases.answered("inq-1", day(2025, 6, 20)));
        recorder.send(Cases.consultation("con-1", 2025, day(2025, 7, 1)));
        recorder.send(Cases.approved("con-1", day(2025, 9, 1), 1_500_000L));
        Clock clock = Clock.systemUTC();

        assertThat(InquiryReplay.replay(recorder.of("inq-1")))
                .isEqualTo(new InquiryQueries(db, clock).find(new FindInquiry("inq-1")));
        assertThat(ConsultationReplay.replay(recorder.of("con-1")))
                .isEqualTo(new ConsultationQueries(db).find(new FindConsultation("con-1")));
        CaseState asked = CaseReplay.state("inq-1", null, recorder.of("inq-1"), null, day(2025, 6, 19), null);
        assertThat(asked.caseType()).isEqualTo(CaseType.INQUIRY);
        assertThat(asked.state()).hasFieldOrPropertyWithValue("status",
                casebook.kernel.inquiry.InquiryStatus.RECEIVED);
    }
}
