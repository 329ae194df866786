package casebook.grantwork;

import static casebook.grantwork.GrantEvents.corrected;
import static casebook.grantwork.GrantEvents.opened;
import static casebook.grantwork.GrantEvents.procedure;
import static casebook.grantwork.GrantEvents.step;
import static casebook.kernel.grant.GrantStep.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import casebook.audittrail.AuditTrailProjection;
import casebook.kernel.grant.GrantCorrectedFields;
import casebook.kernel.grant.GrantStep;
import casebook.kernel.grant.GrantType;
import casebook.kernel.grant.ProcedureKind;
import casebook.kernel.grant.RecipientKind;
import casebook.kernel.grant.query.AmountTrail;
import casebook.kernel.grant.query.DeadlineBoard;
import casebook.kernel.grant.query.DeadlineItem;
import casebook.kernel.grant.query.FindGrantCase;
import casebook.kernel.grant.query.GrantCaseSummary;
import casebook.kernel.grant.query.GrantCaseView;
import casebook.kernel.grant.query.GrantProcedureView;
import casebook.kernel.grant.query.GrantStepStatus;
import casebook.kernel.grant.query.GrantStepView;
import casebook.kernel.grant.query.GrantWorklist;
import casebook.kernel.grant.query.PendingApproval;
import casebook.kernel.grant.query.PendingApprovals;
import casebook.kernel.grant.query.WaitingFor;
import casebook.kernel.engagement.Programme;
import casebook.testing.EmbeddedMongo;
import casebook.testing.Events;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GrantCaseProjectionTest {

    static final String YUZAWA = "yuzawa-2025";
    static final String INITIAL = "p-initial";
    static final String CONFIRMATION = "p-confirmation";
    private static final GrantType CHIIKI = GrantType.CHIIKI_SHIEN_JIGYO;
    private static EmbeddedMongo mongo;
    private MongoDatabase db;
    private GrantFeed feed;

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
        feed = new GrantFeed(new GrantCaseProjection(db), new AuditTrailProjection(db));
    }

    @Test
    void theInitialGrantWaitsForEachStepInTurnAndKeepsItsAmountTrail() {
        feed.send(opened(YUZAWA, CHIIKI, "052078", 2025, day(2025, 7, 1)),
                procedure(YUZAWA, INITIAL, CHIIKI, ProcedureKind.INITIAL, 2025, day(2025, 7, 1)));
        GrantCaseView opened = find("2025-07-02T00:00:00Z");
        assertThat(opened.grantTypeLabel()).isEqualTo("地域支援事業交付金");
        assertThat(opened.recipientKind()).isEqualTo(RecipientKind.MUNICIPALITY);
        assertThat(opened.recipientName()).isEqualTo("湯沢市");
        assertThat(opened.prefectureCode()).isEqualTo("050008");
        assertThat(opened.bureauCode()).isEqualTo("tohoku");
        assertThat(opened.targetFiscalYearLabel()).isEqualTo("令和7年度");
        assertThat(opened.procedures()).singleElement().satisfies(p -> {
            assertThat(p.kindLabel()).isEqualTo("当初交付");
            assertThat(p.steps()).extracting(GrantStepView::step).containsExactlyElementsOf(ProcedureKind.INITIAL.steps());
        });
        assertThat(opened.waitingFor()).isEqualTo(new WaitingFor(INITIAL, ProcedureKind.INITIAL, PRECONSULTATION_REQUESTED,
                "事前協議依頼", "7月下旬", day(2025, 7, 31), false));

        feed.send(initialStep(PRECONSULTATION_REQUESTED, day(2025, 7, 25), null),
                initialStep(PRECONSULTATION_SUBMITTED, day(2025, 8, 28), 5_200_000L));
        assertThat(waitingFor()).isEqualTo(PROVISIONAL_NOTIFIED);
        feed.send(initialStep(PROVISIONAL_NOTIFIED, day(2025, 11, 25), 5_000_000L));
        assertThat(waitingFor()).isEqualTo(APPLICATION_REQUESTED);
        feed.send(initialStep(APPLICATION_REQUESTED, day(2026, 2, 16), null),
                initialStep(APPLICATION_SUBMITTED, day(2026, 2, 27), 5_000_000L));
        assertThat(waitingFor()).isEqualTo(REVIEWED);
        feed.send(step(YUZAWA, INITIAL, ProcedureKind.INITIAL, EXPENDITURE_AUTHORITY_RECEIVED, day(2026, 3, 5),
                5_000_000L, "老発0305第1号"));
        assertThat(waitingFor()).as("審査 was never recorded: passed over").isEqualTo(DECISION_APPROVED);

        GrantCaseView afterAuthority = find("2026-03-06T00:00:00Z");
        assertThat(afterAuthority.pendingApproval()).isTrue();
        assertThat(afterAuthority.waitingFor().label()).isEqualTo("交付決定決裁");
        assertThat(afterAuthority.procedures().get(0).steps())
                .extracting(GrantStepView::step, GrantStepView::status)
                .containsExactly(tuple(PRECONSULTATION_REQUESTED, GrantStepStatus.DONE),
                        tuple(PRECONSULTATION_SUBMITTED, GrantStepStatus.DONE), tuple(PROVISIONAL_NOTIFIED, GrantStepStatus.DONE),
                        tuple(APPLICATION_REQUESTED, GrantStepStatus.DONE), tuple(APPLICATION_SUBMITTED, GrantStepStatus.DONE),
                        tuple(REVIEWED, GrantStepStatus.SKIPPED), tuple(EXPENDITURE_AUTHORITY_RECEIVED, GrantStepStatus.DONE),
                        tuple(DECISION_APPROVED, GrantStepStatus.NOT_PLANNED), tuple(DECISION_NOTIFIED, GrantStepStatus.PLANNED),
                        tuple(PAID, GrantStepStatus.PLANNED));
        assertThat(stepOf(find("2026-03-21T00:00:00Z"), INITIAL, DECISION_NOTIFIED).status())
                .as("planned 3月中旬: overdue from 21 March").isEqualTo(GrantStepStatus.OVERDUE);

        feed.send(initialStep(DECISION_APPROVED, day(2026, 3, 10), 4_800_000L));
        assertThat(waitingFor()).isEqualTo(DECISION_NOTIFIED);
        feed.send(step(YUZAWA, INITIAL, ProcedureKind.INITIAL, DECISION_NOTIFIED, day(2026, 3, 12), null, "東北厚発0312第5号"));
        assertThat(waitingFor()).isEqualTo(PAID);
        long paid = feed.send(initialStep(PAID, day(2026, 3, 27), 4_800_000L));

        GrantCaseView done = find("2026-04-01T00:00:00Z");
        GrantProcedureView initial = done.procedures().get(0);
        assertThat(initial.amounts()).isEqualTo(new AmountTrail(5_000_000L, 5_000_000L, 5_000_000L, 4_800_000L, 4_800_000L,
                null, null, null, null, null));
        assertThat(initial.complete()).isTrue();
        assertThat(initial.waitingFor()).isNull();
        assertThat(done.waitingFor()).isNull();
        assertThat(done.pendingApproval()).isFalse();
        assertThat(done.version()).isEqualTo(paid);
        GrantStepView authority = stepOf(done, INITIAL, EXPENDITURE_AUTHORITY_RECEIVED);
        assertThat(authority.planned()).isNull();
        assertThat(authority.noticeNo()).isEqualTo("老発0305第1号");
        assertThat(authority.documents()).containsExactly("支出負担行為示達.pdf");
        GrantStepView submitted = stepOf(done, INITIAL, PRECONSULTATION_SUBMITTED);
        assertThat(submitted.planned().label()).isEqualTo("8月下旬");
        assertThat(submitted.planned().dueBy()).isEqualTo(day(2025, 8, 31));
        assertThat(submitted.recordedOn()).isEqualTo(day(2025, 8, 28));
        assertThat(submitted.amount()).isEqualTo(5_200_000L);
    }

    @Test
    void theConfirmationSettlesARefundAgainstWhatTheInitialGrantPaid() {
        initialPaid();
        feed.send(procedure(YUZAWA, CONFIRMATION, CHIIKI, ProcedureKind.CONFIRMATION, 2025, day(2026, 5, 1)));
        GrantCaseView opened = find("2026-05-02T00:00:00Z");
        assertThat(opened.waitingFor()).isEqualTo(new WaitingFor(CONFIRMATION, ProcedureKind.CONFIRMATION, REPORT_REQUESTED,
                "実績報告依頼", "2026-05-14", day(2026, 5, 14), false));
        assertThat(stepOf(opened, CONFIRMATION, REPORT_SUBMITTED).planned().label()).isEqualTo("6月頃～7月頃");

        feed.send(confirmationStep(REPORT_REQUESTED, day(2026, 5, 14), null),
                confirmationStep(REPORT_SUBMITTED, day(2026, 6, 30), 4_500_000L));
        assertThat(waitingFor()).isEqualTo(REVIEWED);
        feed.send(confirmationStep(AMOUNT_CONFIRMED, day(2027, 1, 15), 4_500_000L));
        assertThat(waitingFor()).isEqualTo(CONFIRMATION_NOTIFIED);
        assertThat(procedureOf(find("2027-01-16T00:00:00Z"), CONFIRMATION).amounts().settlement()).isEqualTo(-300_000L);
        feed.send(confirmationStep(CONFIRMATION_NOTIFIED, day(2027, 1, 18), null));
        assertThat(waitingFor()).as("a refund is due: 支払 is not needed").isEqualTo(REFUND_ORDERED);
        feed.send(confirmationStep(REFUND_ORDERED, day(2027, 1, 20), 300_000L));
        assertThat(waitingFor()).isEqualTo(REFUND_RECEIVED);
        feed.send(confirmationStep(REFUND_RECEIVED, day(2027, 2, 10), 300_000L));

        GrantCaseView done = find("2027-03-01T00:00:00Z");
        GrantProcedureView confirmation = procedureOf(done, CONFIRMATION);
        assertThat(confirmation.amounts()).isEqualTo(new AmountTrail(4_500_000L, null, null, null, null, null, 4_500_000L,
                300_000L, 300_000L, -300_000L));
        assertThat(confirmation.complete()).isTrue();
        assertThat(confirmation.number()).isEqualTo(1);
        assertThat(stepOf(done, CONFIRMATION, PAID).status()).isEqualTo(GrantStepStatus.SKIPPED);
        assertThat(done.waitingFor()).isNull();
        assertThat(done.procedures()).extracting(GrantProcedureView::procedureId).containsExactly(INITIAL, CONFIRMATION);
        assertThat(worklist(null, null, 2025, null)).singleElement().satisfies(r -> {
            assertThat(r.waitingFor()).isNull();
            assertThat(r.procedures()).extracting(p -> p.kind(), p -> p.complete(), p -> p.settlement())
                    .containsExactly(tuple(ProcedureKind.INITIAL, true, null), tuple(ProcedureKind.CONFIRMATION, true, -300_000L));
        });
    }

    @Test
    void pendingApprovalsListAuthorityReceivedUntilTheDecisionIsApproved() {
        feed.send(opened(YUZAWA, CHIIKI, "052078", 2025, day(2025, 7, 1)),
                procedure(YUZAWA, INITIAL, CHIIKI, ProcedureKind.INITIAL, 2025, day(2025, 7, 1)),
                initialStep(APPLICATION_SUBMITTED, day(2026, 2, 27), 5_000_000L));
        GrantQueries queries = queries("2026-03-09T03:00:00Z");
        assertThat(queries.pendingApprovals(new PendingApprovals("tohoku"))).isEmpty();

        feed.send(step(YUZAWA, INITIAL, ProcedureKind.INITIAL, EXPENDITURE_AUTHORITY_RECEIVED, day(2026, 3, 5), 5_000_000L,
                "老発0305第1号"));
        assertThat(queries.pendingApprovals(new PendingApprovals("tohoku")))
                .extracting(PendingApproval::grantCaseId, PendingApproval::recipientName, PendingApproval::procedureKind,
                        PendingApproval::authorisedAmount, PendingApproval::authorisedOn, PendingApproval::daysWaiting)
                .containsExactly(tuple(YUZAWA, "湯沢市", ProcedureKind.INITIAL, 5_000_000L, day(2026, 3, 5), 4L));
        assertThat(queries.pendingApprovals(new PendingApprovals(null))).hasSize(1);
        assertThat(queries.pendingApprovals(new PendingApprovals("kyushu"))).isEmpty();
        assertThat(worklist("tohoku", null, null, null)).extracting(GrantCaseSummary::pendingApproval).containsExactly(true);

        feed.send(initialStep(DECISION_APPROVED, day(2026, 3, 10), 4_800_000L));
        assertThat(queries.pendingApprovals(new PendingApprovals("tohoku"))).isEmpty();
        assertThat(worklist("tohoku", null, null, null)).extracting(GrantCaseSummary::pendingApproval).containsExactly(false);
    }

    @Test
    void theWorklistFiltersByBureauYearGrantTypeAndWaitingStep() {
        fourCases();

        assertThat(ids(worklist("tohoku", null, 2025, null))).containsExactly("akita-jinzai-2025", YUZAWA);
        assertThat(ids(worklist(null, null, 2025, null))).containsExactly("kurume-2025", "akita-jinzai-2025", YUZAWA);
        assertThat(ids(worklist("tohoku", null, null, null))).containsExactly("yuzawa-2024", "akita-jinzai-2025", YUZAWA);
        assertThat(ids(worklist(null, null, null, null)))
                .containsExactly("yuzawa-2024", "kurume-2025", "akita-jinzai-2025", YUZAWA);
        assertThat(ids(worklist(null, GrantType.KIKIN_JINZAI, null, null))).containsExactly("akita-jinzai-2025");
        assertThat(ids(worklist(null, null, null, PRECONSULTATION_SUBMITTED))).containsExactly("akita-jinzai-2025", YUZAWA);
        assertThat(ids(worklist(null, null, null, REVIEWED))).containsExactly("yuzawa-2024");
        assertThat(ids(worklist("kyushu", CHIIKI, 2025, PRECONSULTATION_REQUESTED))).containsExactly("kurume-2025");
        assertThat(worklist("kyushu", null, 2024, null)).isEmpty();

        GrantCaseSummary yuzawa = worklist("tohoku", CHIIKI, 2025, null).get(0);
        assertThat(yuzawa.recipientCode()).isEqualTo("052078");
        assertThat(yuzawa.recipientKind()).isEqualTo(RecipientKind.MUNICIPALITY);
        assertThat(yuzawa.targetFiscalYearLabel()).isEqualTo("令和7年度");
        assertThat(yuzawa.waitingFor().step()).isEqualTo(PRECONSULTATION_SUBMITTED);
        assertThat(yuzawa.waitingFor().label()).isEqualTo("事前協議提出");
        assertThat(yuzawa.waitingFor().overdue()).as("8月下旬 has passed on 1 September in Tokyo").isTrue();
        assertThat(yuzawa.procedures()).extracting(p -> p.kindLabel(), p -> p.waitingFor())
                .containsExactly(tuple("当初交付", PRECONSULTATION_SUBMITTED));
    }

    @Test
    void theDeadlineBoardFlagsOverdueStepsByTheTokyoDateAndPutsUndecidedPlansLast() {
        fourCases();
        DeadlineBoard board = new DeadlineBoard("tohoku", day(2025, 7, 1), day(2025, 11, 30));

        List<DeadlineItem> items = queries("2025-08-31T15:30:00Z").deadlines(board); // 1 September, 00:30 in Tokyo
        assertThat(items).extracting(DeadlineItem::grantCaseId, DeadlineItem::step, DeadlineItem::dueBy,
                        DeadlineItem::recorded, DeadlineItem::overdue)
                .containsExactly(
                        tuple("akita-jinzai-2025", PRECONSULTATION_SUBMITTED, day(2025, 7, 18), false, true),
                        tuple("yuzawa-2024", REPORT_SUBMITTED, day(2025, 7, 31), true, false),
                        tuple(YUZAWA, PRECONSULTATION_REQUESTED, day(2025, 7, 31), true, false),
                        tuple(YUZAWA, PRECONSULTATION_SUBMITTED, day(2025, 8, 31), false, true),
                        tuple("akita-jinzai-2025", APPLICATION_REQUESTED, day(2025, 11, 30), false, false),
                        tuple(YUZAWA, PROVISIONAL_NOTIFIED, day(2025, 11, 30), false, false),
                        tuple("akita-jinzai-2025", PROVISIONAL_NOTIFIED, null, false, false));
        DeadlineItem report = items.get(1);
        assertThat(report.targetFiscalYear()).as("a FY2024 confirmation worked in FY2025").isEqualTo(2024);
        assertThat(report.procedureKind()).isEqualTo(ProcedureKind.CONFIRMATION);
        assertThat(report.plannedLabel()).isEqualTo("6月頃～7月頃");
        assertThat(report.recordedOn()).isEqualTo(day(2025, 7, 10));
        assertThat(report.status()).isEqualTo(GrantStepStatus.DONE);
        assertThat(items.get(0).recipientName()).isEqualTo("秋田県");
        assertThat(items.get(0).stepLabel()).isEqualTo("事前協議提出");
        assertThat(items.get(6).plannedLabel()).isEqualTo("時期未定");
        assertThat(items.get(6).status()).isEqualTo(GrantStepStatus.PLANNED);

        List<DeadlineItem> eveningBefore = queries("2025-08-31T14:00:00Z").deadlines(board); // 31 August, 23:00 in Tokyo
        assertThat(eveningBefore.get(3).step()).isEqualTo(PRECONSULTATION_SUBMITTED);
        assertThat(eveningBefore.get(3).overdue()).isFalse();

        assertThat(queries("2025-09-01T00:00:00Z").deadlines(new DeadlineBoard(null, day(2025, 7, 1), day(2025, 11, 30))))
                .extracting(DeadlineItem::grantCaseId).contains("kurume-2025").hasSize(7 + 3);
        assertThat(queries("2025-09-01T00:00:00Z").deadlines(new DeadlineBoard("tohoku", day(2025, 5, 1), day(2025, 5, 31))))
                .extracting(DeadlineItem::grantCaseId, DeadlineItem::step)
                .containsExactly(tuple("yuzawa-2024", REPORT_REQUESTED));
    }

    @Test
    void oneReaderSeesEachRowAsItIsNowAfterItsCaseMovesOrItsRowsAreRebuilt() {
        GrantQueries queries = queries("2025-09-01T00:00:00Z"); // one instance throughout: rows it decoded are kept
        fourCases();
        GrantWorklist tohoku2025 = new GrantWorklist("tohoku", CHIIKI, 2025, null);
        GrantCaseSummary before = queries.worklist(tohoku2025).get(0);
        assertThat(before.waitingFor().step()).isEqualTo(PRECONSULTATION_SUBMITTED);

        feed.send(initialStep(PRECONSULTATION_SUBMITTED, day(2025, 8, 28), 5_200_000L));
        GrantCaseSummary moved = queries.worklist(tohoku2025).get(0);
        assertThat(moved.version()).isEqualTo(before.version() + 1);
        assertThat(moved.waitingFor().step()).isEqualTo(PROVISIONAL_NOTIFIED);
        assertThat(queries.deadlines(new DeadlineBoard("tohoku", day(2025, 7, 1), day(2025, 11, 30))))
                .filteredOn(item -> item.grantCaseId().equals(YUZAWA) && item.step() == PRECONSULTATION_SUBMITTED)
                .extracting(DeadlineItem::recorded).containsExactly(true);

        feed.reset(); // as a rebuild does: the stamps go with the rows, so nothing kept is answered after it
        assertThat(queries.worklist(tohoku2025)).isEmpty();
        feed.replayAll();
        assertThat(queries.worklist(tohoku2025)).containsExactly(moved);
    }

    /** Answers are kept while the rows stay; what depends on the day must still move with the day. */
    @Test
    void oneReaderAskingAgainTheNextDaySeesThatDaysOverdueFlags() {
        fourCases();
        Instant[] now = {Instant.parse("2025-08-30T03:00:00Z")}; // 30 August in Tokyo: 8月下旬 not yet over
        GrantQueries queries = new GrantQueries(db, new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        });
        GrantWorklist tohoku2025 = new GrantWorklist("tohoku", CHIIKI, 2025, null);
        DeadlineBoard board = new DeadlineBoard("tohoku", day(2025, 7, 1), day(2025, 11, 30));
        assertThat(queries.worklist(tohoku2025).get(0).waitingFor().overdue()).isFalse();
        assertThat(overdueSteps(queries.deadlines(board))).doesNotContain(PRECONSULTATION_SUBMITTED);

        now[0] = Instant.parse("2025-09-01T03:00:00Z");
        assertThat(queries.worklist(tohoku2025).get(0).waitingFor().overdue()).isTrue();
        assertThat(overdueSteps(queries.deadlines(board))).contains(PRECONSULTATION_SUBMITTED);
    }

    /** Officers' windows are runs of one board: an item shown in two windows is the same object (the web layer
     * writes its JSON once), until its case moves. */
    @Test
    void windowsOfOneBoardShareTheirItemsUntilTheirCaseMoves() {
        GrantQueries queries = queries("2025-09-01T00:00:00Z");
        fourCases();
        List<DeadlineItem> summer = queries.deadlines(new DeadlineBoard("tohoku", day(2025, 7, 1), day(2025, 8, 31)));
        List<DeadlineItem> autumn = queries.deadlines(new DeadlineBoard("tohoku", day(2025, 7, 18), day(2025, 11, 30)));
        DeadlineItem akitaPreconsultation = summer.get(0);
        assertThat(akitaPreconsultation.step()).isEqualTo(PRECONSULTATION_SUBMITTED);
        assertThat(autumn.get(0)).isSameAs(akitaPreconsultation);
        DeadlineItem yuzawaPreconsultation = summer.stream()
                .filter(i -> i.grantCaseId().equals(YUZAWA) && i.step() == PRECONSULTATION_SUBMITTED).findFirst().orElseThrow();

        feed.send(initialStep(PRECONSULTATION_SUBMITTED, day(2025, 8, 28), 5_200_000L));
        List<DeadlineItem> after = queries.deadlines(new DeadlineBoard("tohoku", day(2025, 7, 1), day(2025, 11, 30)));
        assertThat(after).contains(akitaPreconsultation).doesNotContain(yuzawaPreconsultation);
        assertThat(after).filteredOn(i -> i.grantCaseId().equals(YUZAWA) && i.step() == PRECONSULTATION_SUBMITTED)
                .extracting(DeadlineItem::recorded).containsExactly(true);
        assertThat(after.get(0)).as("the other case's item, unchanged, is still the same object").isSameAs(akitaPreconsultation);
    }

    private static List<GrantStep> overdueSteps(List<DeadlineItem> items) {
        return items.stream().filter(i -> YUZAWA.equals(i.grantCaseId()) && i.overdue()).map(DeadlineItem::step).toList();
    }

    @Test
    void replayingTheSameEventsChangesNoDocumentAndALostRowIsRepaired() {
        initialPaid();
        feed.send(procedure(YUZAWA, CONFIRMATION, CHIIKI, ProcedureKind.CONFIRMATION, 2025, day(2026, 5, 1)),
                confirmationStep(REPORT_REQUESTED, day(2026, 5, 14), null),
                corrected(YUZAWA, 4, INITIAL, new GrantCorrectedFields(null, 4_900_000L, null, null), day(2026, 5, 20)));
        List<Document> before = allDocuments();

        feed.replayAll();
        feed.replayAll();
        assertThat(allDocuments()).isEqualTo(before);

        db.getCollection(GrantBuckets.COLLECTION).deleteMany(new Document());
        db.getCollection(GrantBuckets.ROWS).deleteMany(new Document());
        feed.replayAll();
        assertThat(allDocuments()).isEqualTo(before);
    }

    @Test
    void aCorrectedAmountChangesTheTrailAndIsMarkedOnItsRecording() {
        feed.send(opened(YUZAWA, CHIIKI, "052078", 2025, day(2025, 7, 1)),
                procedure(YUZAWA, INITIAL, CHIIKI, ProcedureKind.INITIAL, 2025, day(2025, 7, 1)),
                initialStep(EXPENDITURE_AUTHORITY_RECEIVED, day(2026, 3, 5), 5_000_000L));
        long approved = feed.send(initialStep(DECISION_APPROVED, day(2026, 3, 10), 4_080_000L));
        long paid = feed.send(initialStep(PAID, day(2026, 3, 27), 4_080_000L));

        long correction = feed.send(corrected(YUZAWA, approved, INITIAL,
                new GrantCorrectedFields(day(2026, 3, 11), 4_800_000L, "決裁第12号", null), day(2026, 3, 30)));
        feed.send(corrected(YUZAWA, paid, INITIAL, new GrantCorrectedFields(null, 4_800_000L, null, "金額訂正"),
                day(2026, 3, 30)));
        feed.send(corrected(YUZAWA, 0, INITIAL, new GrantCorrectedFields(null, 1L, null, null), day(2026, 3, 30)));

        GrantCaseView view = find("2026-04-01T00:00:00Z");
        assertThat(view.procedures().get(0).amounts().decided()).isEqualTo(4_800_000L);
        assertThat(view.procedures().get(0).amounts().paid()).isEqualTo(4_800_000L);
        GrantStepView decision = stepOf(view, INITIAL, DECISION_APPROVED);
        assertThat(decision.recordedOn()).isEqualTo(day(2026, 3, 11));
        assertThat(decision.noticeNo()).isEqualTo("決裁第12号");
        assertThat(decision.recordings()).singleElement().satisfies(r -> {
            assertThat(r.seq()).isEqualTo(approved);
            assertThat(r.amount()).isEqualTo(4_800_000L);
            assertThat(r.correctedBy()).containsExactly(correction);
        });
        assertThat(stepOf(view, INITIAL, PAID).note()).isEqualTo("金額訂正");
        assertThat(view.version()).isEqualTo(correction + 2);

        // A confirmation later settles against the corrected payment.
        feed.send(procedure(YUZAWA, CONFIRMATION, CHIIKI, ProcedureKind.CONFIRMATION, 2025, day(2026, 5, 1)),
                confirmationStep(AMOUNT_CONFIRMED, day(2027, 1, 15), 4_900_000L));
        assertThat(procedureOf(find("2027-01-16T00:00:00Z"), CONFIRMATION).amounts().settlement()).isEqualTo(100_000L);
        assertThat(waitingFor()).isEqualTo(CONFIRMATION_NOTIFIED);
        feed.send(confirmationStep(CONFIRMATION_NOTIFIED, day(2027, 1, 18), null));
        assertThat(waitingFor()).as("an additional payment is due").isEqualTo(PAID);
    }

    @Test
    void eventsOfUnknownCasesAndOfOtherAggregatesChangeNothing() {
        feed.send(procedure("never-opened", INITIAL, CHIIKI, ProcedureKind.INITIAL, 2025, day(2025, 7, 1)),
                Events.registered("kurume", "402036", Programme.KASOKUKA, 2024, day(2024, 5, 15)));

        assertThat(db.getCollection(GrantCaseRepository.COLLECTION).countDocuments()).isZero();
        assertThat(db.getCollection(GrantBuckets.ROWS).countDocuments()).isZero();
        assertThat(queries("2025-07-01T00:00:00Z").find(new FindGrantCase("never-opened"))).isNull();
        assertThat(queries("2025-07-01T00:00:00Z").find(new FindGrantCase(null))).isNull();
    }

    // ---- fixtures

    /** 湯沢市 FY2025 through its initial grant: 示達 5,000,000, 決裁 4,800,000, paid 4,800,000 (seq 0-10). */
    void initialPaid() {
        feed.send(opened(YUZAWA, CHIIKI, "052078", 2025, day(2025, 7, 1)),
                procedure(YUZAWA, INITIAL, CHIIKI, ProcedureKind.INITIAL, 2025, day(2025, 7, 1)),
                initialStep(PRECONSULTATION_REQUESTED, day(2025, 7, 25), null),
                initialStep(PRECONSULTATION_SUBMITTED, day(2025, 8, 28), 5_200_000L),
                initialStep(PROVISIONAL_NOTIFIED, day(2025, 11, 25), 5_000_000L),
                initialStep(APPLICATION_REQUESTED, day(2026, 2, 16), null),
                initialStep(APPLICATION_SUBMITTED, day(2026, 2, 27), 5_000_000L),
                initialStep(EXPENDITURE_AUTHORITY_RECEIVED, day(2026, 3, 5), 5_000_000L),
                initialStep(DECISION_APPROVED, day(2026, 3, 10), 4_800_000L),
                initialStep(DECISION_NOTIFIED, day(2026, 3, 12), null),
                initialStep(PAID, day(2026, 3, 27), 4_800_000L));
    }

    /**
     * Four cases as of 1 September 2025: 湯沢市 FY2025 (事前協議依頼 sent), 秋田県 人材分 FY2025 (依頼 sent), 湯沢市 FY2024's
     * confirmation (report received) in tohoku, and 久留米市 FY2025 (nothing recorded) in kyushu.
     */
    void fourCases() {
        feed.send(opened(YUZAWA, CHIIKI, "052078", 2025, day(2025, 7, 1)),
                procedure(YUZAWA, INITIAL, CHIIKI, ProcedureKind.INITIAL, 2025, day(2025, 7, 1)),
                initialStep(PRECONSULTATION_REQUESTED, day(2025, 7, 25), null));
        feed.send(opened("akita-jinzai-2025", GrantType.KIKIN_JINZAI, "050008", 2025, day(2025, 6, 1)),
                procedure("akita-jinzai-2025", "p1", GrantType.KIKIN_JINZAI, ProcedureKind.INITIAL, 2025, day(2025, 6, 1)),
                step("akita-jinzai-2025", "p1", ProcedureKind.INITIAL, PRECONSULTATION_REQUESTED, day(2025, 6, 12), null));
        feed.send(opened("yuzawa-2024", CHIIKI, "052078", 2024, day(2025, 5, 1)),
                procedure("yuzawa-2024", "p1", CHIIKI, ProcedureKind.CONFIRMATION, 2024, day(2025, 5, 1)),
                step("yuzawa-2024", "p1", ProcedureKind.CONFIRMATION, REPORT_REQUESTED, day(2025, 5, 14), null),
                step("yuzawa-2024", "p1", ProcedureKind.CONFIRMATION, REPORT_SUBMITTED, day(2025, 7, 10), 4_000_000L));
        feed.send(opened("kurume-2025", CHIIKI, "402036", 2025, day(2025, 7, 1)),
                procedure("kurume-2025", "p1", CHIIKI, ProcedureKind.INITIAL, 2025, day(2025, 7, 1)));
    }

    private static casebook.kernel.grant.event.GrantStepRecorded initialStep(GrantStep step, LocalDate on, Long amount) {
        return step(YUZAWA, INITIAL, ProcedureKind.INITIAL, step, on, amount);
    }

    private static casebook.kernel.grant.event.GrantStepRecorded confirmationStep(GrantStep step, LocalDate on, Long amount) {
        return step(YUZAWA, CONFIRMATION, ProcedureKind.CONFIRMATION, step, on, amount);
    }

    private GrantQueries queries(String instant) {
        return new GrantQueries(db, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private GrantCaseView find(String instant) {
        return queries(instant).find(new FindGrantCase(YUZAWA));
    }

    private GrantStep waitingFor() {
        WaitingFor w = find("2025-04-01T00:00:00Z").waitingFor();
        return w == null ? null : w.step();
    }

    private List<GrantCaseSummary> worklist(String bureau, GrantType type, Integer fy, GrantStep waitingFor) {
        return queries("2025-08-31T15:30:00Z").worklist(new GrantWorklist(bureau, type, fy, waitingFor));
    }

    private static List<String> ids(List<GrantCaseSummary> rows) {
        return rows.stream().map(GrantCaseSummary::id).toList();
    }

    private static GrantProcedureView procedureOf(GrantCaseView view, String procedureId) {
        return view.procedures().stream().filter(p -> p.procedureId().equals(procedureId)).findFirst().orElseThrow();
    }

    private static GrantStepView stepOf(GrantCaseView view, String procedureId, GrantStep step) {
        return procedureOf(view, procedureId).steps().stream().filter(s -> s.step() == step).findFirst().orElseThrow();
    }

    /** Compared as maps: the embedded server may keep the fields of a replaced document in another order. */
    private List<Document> allDocuments() {
        List<Document> all = new ArrayList<>();
        for (String name : List.of(GrantCaseRepository.COLLECTION, GrantBuckets.COLLECTION, GrantBuckets.ROWS)) {
            db.getCollection(name).find().sort(new Document("_id", 1)).batchSize(100).forEach(all::add);
        }
        return all;
    }

    static LocalDate day(int year, int month, int dayOfMonth) {
        return LocalDate.of(year, month, dayOfMonth);
    }
}
