package casebook.engagement;

import casebook.kernel.DomainRejection;
import casebook.kernel.audit.MetaDataKeys;
import casebook.kernel.engagement.CorrectedFields;
import casebook.kernel.engagement.EngagementType;
import casebook.kernel.engagement.MeetingMode;
import casebook.kernel.engagement.OutputKind;
import casebook.kernel.engagement.Programme;
import casebook.kernel.engagement.SelectedBy;
import casebook.kernel.engagement.Theme;
import casebook.kernel.engagement.ThemeCode;
import casebook.kernel.engagement.command.AddHomework;
import casebook.kernel.engagement.command.AssignAdvisor;
import casebook.kernel.engagement.command.CancelMilestone;
import casebook.kernel.engagement.command.CloseEngagement;
import casebook.kernel.engagement.command.CorrectEngagementRecord;
import casebook.kernel.engagement.command.PlanMilestone;
import casebook.kernel.engagement.command.RecordMilestoneHeld;
import casebook.kernel.engagement.command.RegisterEngagement;
import casebook.kernel.engagement.command.SkipMilestone;
import casebook.kernel.engagement.event.AdvisorAssigned;
import casebook.kernel.engagement.event.DecisionRecorded;
import casebook.kernel.engagement.event.EngagementClosed;
import casebook.kernel.engagement.event.EngagementRegistered;
import casebook.kernel.engagement.event.EngagementSelected;
import casebook.kernel.engagement.event.EngagementWithdrawn;
import casebook.kernel.engagement.event.EntryNotSelected;
import casebook.kernel.engagement.event.EntrySheetSubmitted;
import casebook.kernel.engagement.event.FindingRecorded;
import casebook.kernel.engagement.event.HomeworkItemAdded;
import casebook.kernel.engagement.event.HomeworkItemCompleted;
import casebook.kernel.engagement.event.HomeworkItemDropped;
import casebook.kernel.engagement.event.MilestoneCancelled;
import casebook.kernel.engagement.event.MilestoneHeld;
import casebook.kernel.engagement.event.MilestonePlanned;
import casebook.kernel.engagement.event.MilestoneSkipped;
import casebook.kernel.engagement.event.OutputRecorded;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * Given-events and commands for a 加速化 engagement of 久留米市 in FY2024 (令和6年度), with the Kyushu FY2024 dates
 * (report meeting 2025-03-07), so that tests read as the domain: {@code given(registered(), selected(), held(M0_5))}.
 */
final class EngagementFixtures {

    static final String ID = "eng-kurume-2024";
    static final int FY = 2024;
    static final LocalDate REGISTERED_ON = LocalDate.of(2024, 4, 10);
    static final LocalDate SELECTED_ON = LocalDate.of(2024, 6, 20);
    static final LocalDate TODAY = LocalDate.of(2024, 7, 1);
    static final List<Theme> THEMES = List.of(new Theme(ThemeCode.SERVICE_ACTIVITY, "サービス・活動Cの利用者数増加"));

    static final String M0_5 = "M0_5";
    static final String VISIT_1 = "VISIT_1";
    static final String M1_5 = "M1_5";
    static final String VISIT_2 = "VISIT_2";
    static final String M2_5 = "M2_5";
    static final String VISIT_3 = "VISIT_3";
    static final String REPORT_MEETING = "REPORT_MEETING";
    static final List<String> KASOKUKA_SEQUENCE = List.of(M0_5, VISIT_1, M1_5, VISIT_2, M2_5, VISIT_3, REPORT_MEETING);

    /** When each milestone took place; anything else (online sessions, dispatch steps) on 2024-10-15. */
    private static final Map<String, LocalDate> HELD_ON = Map.of(
            M0_5, LocalDate.of(2024, 8, 5), VISIT_1, LocalDate.of(2024, 9, 10), M1_5, LocalDate.of(2024, 10, 1),
            VISIT_2, LocalDate.of(2024, 11, 12), M2_5, LocalDate.of(2024, 12, 10), VISIT_3, LocalDate.of(2025, 1, 20),
            REPORT_MEETING, LocalDate.of(2025, 3, 7));

    private EngagementFixtures() {
    }

    /**
     * Commands in these tests come from a supervisor unless a test names the sender (metadata actor and role), so
     * that the rules of each command are tested apart from who may correct whose record (CorrectionAuthorshipTest).
     */
    static AggregateTestFixture<SupportEngagement> fixture() {
        AggregateTestFixture<SupportEngagement> fixture = new AggregateTestFixture<>(SupportEngagement.class);
        fixture.registerCommandDispatchInterceptor(messages -> (i, m) -> m.getMetaData().containsKey(MetaDataKeys.ACTOR_ROLE)
                ? m : m.andMetaData(sentBy(SUPERVISOR, "SUPERVISOR")));
        return fixture;
    }

    static final String OFFICER = "officer-kyushu";
    static final String OTHER_OFFICER = "officer-kyushu-2";
    static final String SUPERVISOR = "supervisor-kyushu";

    /** The metadata of a command sent by {@code actor} in {@code role}, as the HTTP layer sets it from the principal. */
    static Map<String, Object> sentBy(String actor, String role) {
        return Map.of(MetaDataKeys.ACTOR, actor, MetaDataKeys.ACTOR_ROLE, role);
    }

    /** An event as recorded by {@code actor} (the metadata Axon copies from the command). */
    static EventMessage<?> recordedBy(String actor, Object event) {
        return GenericEventMessage.asEventMessage(event).andMetaData(Map.of(MetaDataKeys.ACTOR, actor));
    }

    // ------------------------------------------------------------------ events

    /** 久留米市, 地域づくり加速化事業, 厚生局主導型. */
    static EngagementRegistered registered() {
        return new EngagementRegistered(ID, Programme.KASOKUKA, EngagementType.BUREAU_LED, FY, "402036", "久留米市",
                "400009", "kyushu", THEMES, "近隣町の受援状況を聞き検討", REGISTERED_ON);
    }

    /** 鉾田市 (Kanto-Shinetsu), 在宅医療・介護連携推進支援事業. */
    static EngagementRegistered registeredZaitaku() {
        return new EngagementRegistered(ID, Programme.ZAITAKU_RENKEI, null, FY, "082341", "鉾田市", "080004",
                "kantoshinetsu", List.of(), null, REGISTERED_ON);
    }

    /** 香春町, アドバイザー派遣. */
    static EngagementRegistered registeredDispatch() {
        return new EngagementRegistered(ID, Programme.ADVISOR_DISPATCH, null, FY, "406015", "香春町", "400009",
                "kyushu", List.of(), null, REGISTERED_ON);
    }

    /** 香春町, 厚生局独自伴走支援. */
    static EngagementRegistered registeredBureauOwn() {
        return new EngagementRegistered(ID, Programme.BUREAU_OWN, null, FY, "406015", "香春町", "400009", "kyushu",
                List.of(), null, REGISTERED_ON);
    }

    static EntrySheetSubmitted entrySubmitted() {
        return new EntrySheetSubmitted(ID, LocalDate.of(2024, 5, 15), null, LocalDate.of(2024, 5, 15));
    }

    static EngagementSelected selected() {
        return new EngagementSelected(ID, SELECTED_ON, SelectedBy.BUREAU, SELECTED_ON);
    }

    static EntryNotSelected notSelected() {
        return new EntryNotSelected(ID, SELECTED_ON, "応募多数のため", SELECTED_ON);
    }

    static EngagementWithdrawn withdrawn() {
        return new EngagementWithdrawn(ID, TODAY, "庁内調整がつかず辞退", TODAY);
    }

    static EngagementClosed closed() {
        return new EngagementClosed(ID, LocalDate.of(2025, 3, 31), "ロードマップ案を策定", null, LocalDate.of(2025, 3, 31));
    }

    static AdvisorAssigned advisorAssigned(String advisorId) {
        return new AdvisorAssigned(ID, advisorId, "山田 花子", "○○大学", "教授", TODAY, TODAY);
    }

    static MilestonePlanned planned(String milestone, LocalDate on) {
        return new MilestonePlanned(ID, milestone, on, null, null, null, MeetingMode.ONSITE, null, TODAY);
    }

    static MilestoneHeld held(String milestone) {
        LocalDate on = heldOn(milestone);
        return new MilestoneHeld(ID, milestone, on, null, null, MeetingMode.ONSITE, null, List.of(), 0, List.of(),
                null, on);
    }

    static MilestoneCancelled cancelled(String milestone) {
        return new MilestoneCancelled(ID, milestone, "市側の都合により中止", TODAY);
    }

    static MilestoneSkipped skipped(String milestone) {
        return new MilestoneSkipped(ID, milestone, "実施記録なし（課長判断）", TODAY);
    }

    static HomeworkItemAdded homeworkAdded(String itemId) {
        return new HomeworkItemAdded(ID, itemId, "包括から実際のケアプランを収集", "久留米市", VISIT_1, null, TODAY);
    }

    static HomeworkItemCompleted homeworkCompleted(String itemId) {
        return new HomeworkItemCompleted(ID, itemId, LocalDate.of(2024, 9, 1), null, LocalDate.of(2024, 9, 1));
    }

    static HomeworkItemDropped homeworkDropped(String itemId) {
        return new HomeworkItemDropped(ID, itemId, "不要になった", TODAY);
    }

    static DecisionRecorded decisionRecorded(String decisionId) {
        return new DecisionRecorded(ID, decisionId, M1_5, LocalDate.of(2024, 10, 1), "2回目は職員のみで協議",
                LocalDate.of(2024, 10, 1));
    }

    static FindingRecorded findingRecorded(String findingId) {
        return new FindingRecorded(ID, findingId, VISIT_1, "通所介護の不適切な利用", TODAY);
    }

    static OutputRecorded outputRecorded(String outputId) {
        return new OutputRecorded(ID, outputId, OutputKind.ROADMAP_DRAFT, "ロードマップ案", null, VISIT_3,
                LocalDate.of(2025, 1, 20), LocalDate.of(2025, 1, 20));
    }

    // ------------------------------------------------------------------ commands

    static RegisterEngagement register(Programme programme, EngagementType type, int fiscalYear, String code) {
        return new RegisterEngagement(ID, programme, type, fiscalYear, code, THEMES, "近隣町の受援状況を聞き検討",
                REGISTERED_ON);
    }

    static AssignAdvisor assign(String advisorId) {
        return new AssignAdvisor(ID, advisorId, "山田 花子", "○○大学", "教授", TODAY);
    }

    static PlanMilestone plan(String milestone, LocalDate on) {
        return new PlanMilestone(ID, milestone, on, null, null, null, MeetingMode.ONSITE, null, null, TODAY);
    }

    /** Holds the milestone on its usual date, on site, with nobody counted: produces exactly {@link #held}. */
    static RecordMilestoneHeld hold(String milestone) {
        return new RecordMilestoneHeld(ID, milestone, heldOn(milestone), null, null, MeetingMode.ONSITE, null, null,
                null, null);
    }

    static CancelMilestone cancel(String milestone) {
        return new CancelMilestone(ID, milestone, "市側の都合により中止", TODAY);
    }

    static SkipMilestone skip(String milestone) {
        return new SkipMilestone(ID, milestone, "実施記録なし（課長判断）", TODAY);
    }

    static AddHomework addHomework(String itemId, String dueBefore, LocalDate dueOn) {
        return new AddHomework(ID, itemId, "包括から実際のケアプランを収集", "久留米市", dueBefore, dueOn, TODAY);
    }

    static CloseEngagement close(String reason) {
        return new CloseEngagement(ID, LocalDate.of(2025, 3, 31), "ロードマップ案を策定", reason);
    }

    static CorrectEngagementRecord correct(long correctsEvent, CorrectedFields fields) {
        return new CorrectEngagementRecord(ID, correctsEvent, "日付の誤記", fields, LocalDate.of(2025, 2, 1));
    }

    // ------------------------------------------------------------------ corrected fields

    static CorrectedFields heldOnCorrection(LocalDate heldOn) {
        return new CorrectedFields(heldOn, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    static CorrectedFields plannedOnCorrection(LocalDate plannedOn) {
        return new CorrectedFields(null, plannedOn, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
    }

    static CorrectedFields summaryCorrection(String summary) {
        return new CorrectedFields(null, null, null, null, null, null, null, summary, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
    }

    static CorrectedFields selectedOnCorrection(LocalDate selectedOn) {
        return new CorrectedFields(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, selectedOn, null, null, null, null);
    }

    static CorrectedFields advisorCorrection(String name, String affiliation) {
        return new CorrectedFields(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, name, affiliation, null);
    }

    static CorrectedFields textCorrection(String text) {
        return new CorrectedFields(null, null, null, null, null, null, null, null, null, null, null, text, null, null,
                null, null, null, null, null, null, null, null);
    }

    static CorrectedFields noCorrection() {
        return new CorrectedFields(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    // ------------------------------------------------------------------ helpers

    static LocalDate heldOn(String milestone) {
        return HELD_ON.getOrDefault(milestone, LocalDate.of(2024, 10, 15));
    }

    /** The given 加速化 milestones held, in order. */
    static Object[] heldUpTo(String lastMilestone) {
        List<String> keys = KASOKUKA_SEQUENCE.subList(0, KASOKUKA_SEQUENCE.indexOf(lastMilestone) + 1);
        return keys.stream().map(EngagementFixtures::held).toArray();
    }

    static Object[] events(Object... parts) {
        return java.util.Arrays.stream(parts)
                .flatMap(p -> p instanceof Object[] a ? java.util.Arrays.stream(a) : java.util.stream.Stream.of(p))
                .toArray();
    }

    /** Matches a MilestoneOutOfOrder naming the given earlier milestone as the one still open. */
    static Matcher<Throwable> outOfOrderUntil(String unsettled) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return t instanceof MilestoneOutOfOrder o && o.unsettled().equals(unsettled);
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("MilestoneOutOfOrder waiting for " + unsettled);
            }

            @Override
            protected void describeMismatchSafely(Throwable t, Description d) {
                d.appendText("was " + t);
            }
        };
    }

    /** Matches a rejection of the given type that names the given field. */
    static Matcher<Throwable> rejected(Class<? extends DomainRejection> type, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return type.isInstance(t) && java.util.Objects.equals(field, ((DomainRejection) t).field());
            }

            @Override
            public void describeTo(Description d) {
                d.appendText(type.getSimpleName() + " on field " + field);
            }

            @Override
            protected void describeMismatchSafely(Throwable t, Description d) {
                d.appendText("was " + t + (t instanceof DomainRejection r ? " on field " + r.field() : ""));
            }
        };
    }
}
