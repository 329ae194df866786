package casebook.demo;

import static casebook.demo.EngagementScript.engagement;
import static casebook.demo.Milestones.REPORT_MEETING;
import static casebook.demo.Milestones.VISIT_1;
import static casebook.demo.Milestones.VISIT_2;
import static casebook.demo.Milestones.VISIT_3;
import static casebook.kernel.engagement.ThemeCode.CARE_PREVENTION_MANAGEMENT;
import static casebook.kernel.engagement.ThemeCode.COMMUNITY_CARE_MEETING;
import static casebook.kernel.engagement.ThemeCode.COMPREHENSIVE_PROGRAMME_REVIEW;
import static casebook.kernel.engagement.ThemeCode.LIVING_SUPPORT_SYSTEM;
import static casebook.kernel.engagement.ThemeCode.SERVICE_ACTIVITY;
import static casebook.kernel.time.PeriodPart.AROUND;

import casebook.kernel.engagement.EngagementType;
import casebook.kernel.engagement.MeetingMode;
import casebook.kernel.engagement.Programme;
import casebook.kernel.engagement.SelectedBy;
import casebook.kernel.engagement.Theme;
import casebook.kernel.time.PlannedPeriod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * F06–F09: 関東信越厚生局's FY2025 (令和7年度) 加速化 roster, "以下の4市" [001 L668-681]: two bureau-led, two
 * prefecture-led, with their advisors (name, then affiliation and title as the roster prints them). Nothing is
 * held yet: the visits are planned on the annual schedule's spans [001 L584] (第1回 8–9月, 第2回 10–11月,
 * 第3回 12–1月, 報告会 3月), each as "around" the span's last month so that a plan is overdue only once its
 * whole span has passed. The seeds give no .5 meetings for FY2025, so none are planned.
 */
final class KantoFy2025 {

    /**
     * Assumed: the roster is in a plan written between 7/18 (done) and 8/6 (still to come) [001 L594, L663];
     * the seeds give no selection date.
     */
    private static final LocalDate SELECTED_ON = LocalDate.of(2025, 7, 1);
    private static final String SELECTION_ASSUMPTION =
            "the selection date is not in the seeds; the roster is in the FY2025 plan of July 2025 [001 L672]";

    private static final String REGISTRATION_ASSUMPTION =
            "the registration date is not in the seeds; recorded on the selection date";

    private KantoFy2025() {
    }

    static List<DemoStep> steps() {
        List<DemoStep> steps = new ArrayList<>();
        // [001 L677-678]: two advisors in a merged cell
        steps.addAll(planned(engagement("F06", "082341")
                .registered(Programme.KASOKUKA, EngagementType.BUREAU_LED, 2025, SELECTED_ON, null,
                        new Theme(CARE_PREVENTION_MANAGEMENT, "介護予防ケアマネジメント"),
                        new Theme(SERVICE_ACTIVITY, "サービス・活動事業"),
                        new Theme(LIVING_SUPPORT_SYSTEM, "生活支援体制整備事業"),
                        new Theme(COMMUNITY_CARE_MEETING, "地域ケア会議"))
                .assuming(REGISTRATION_ASSUMPTION)
                .selected(SELECTED_ON, SelectedBy.BUREAU).assuming(SELECTION_ASSUMPTION)
                .advisor(SELECTED_ON, "菊池 一", "松戸市 福祉長寿部 高齢者支援課", "課長補佐")
                .advisor(SELECTED_ON, "都築 晃", "藤田医科大学 保健衛生学部 リハビリテーション学科 療法士教育学分野", "講師")));
        // [001 L679]
        steps.addAll(planned(engagement("F07", "202029")
                .registered(Programme.KASOKUKA, EngagementType.BUREAU_LED, 2025, SELECTED_ON, null,
                        new Theme(CARE_PREVENTION_MANAGEMENT, "介護予防ケアマネジメント"),
                        new Theme(SERVICE_ACTIVITY, "サービス・活動事業（A、C）"))
                .assuming(REGISTRATION_ASSUMPTION)
                .selected(SELECTED_ON, SelectedBy.BUREAU).assuming(SELECTION_ASSUMPTION)
                .advisor(SELECTED_ON, "服部 真治", "株式会社日本能率協会総合研究所 福祉・医療・労働政策研究部", "主幹研究員")));
        // [001 L680]: prefecture-led; the seeds do not say who selects, the prefecture leads [002 L2504]
        steps.addAll(planned(engagement("F08", "142085")
                .registered(Programme.KASOKUKA, EngagementType.PREFECTURE_LED, 2025, SELECTED_ON, null,
                        new Theme(SERVICE_ACTIVITY, "サービス・活動事業全般（総合事業の見直し）"))
                .assuming(REGISTRATION_ASSUMPTION)
                .selected(SELECTED_ON, SelectedBy.PREFECTURE).assuming(SELECTION_ASSUMPTION)
                .assuming("prefecture-led: taken as selected by the prefecture, which leads [002 L2504]")
                .advisor(SELECTED_ON, "川越 雅弘", "社会福祉法人浴風会 認知症介護研究・研修東京センター", "特別研究員")));
        // [001 L681]
        steps.addAll(planned(engagement("F09", "152048")
                .registered(Programme.KASOKUKA, EngagementType.PREFECTURE_LED, 2025, SELECTED_ON, null,
                        new Theme(COMPREHENSIVE_PROGRAMME_REVIEW, "総合事業の検証・見直し"),
                        new Theme(SERVICE_ACTIVITY, "サービス・活動事業（多様なサービス全般）"))
                .assuming(REGISTRATION_ASSUMPTION)
                .selected(SELECTED_ON, SelectedBy.PREFECTURE).assuming(SELECTION_ASSUMPTION)
                .assuming("prefecture-led: taken as selected by the prefecture, which leads [002 L2504]")
                .advisor(SELECTED_ON, "田中 明美", "生駒市", "特命監")));
        return steps;
    }

    /** The annual schedule's 加速化 row [001 L584], the same for all four. */
    private static List<DemoStep> planned(EngagementScript e) {
        String span = "the annual schedule gives a span; planned around its last month";
        return e.planned(VISIT_1, new PlannedPeriod(2025, 9, AROUND), MeetingMode.ONSITE, SELECTED_ON)
                .assuming(span + " (第1回支援 8～9月)")
                .planned(VISIT_2, new PlannedPeriod(2025, 11, AROUND), MeetingMode.ONSITE, SELECTED_ON)
                .assuming(span + " (第2回支援 10～11月)")
                .planned(VISIT_3, new PlannedPeriod(2026, 1, AROUND), MeetingMode.ONSITE, SELECTED_ON)
                .assuming(span + " (第3回支援 12～1月)")
                .planned(REPORT_MEETING, new PlannedPeriod(2026, 3, AROUND), null, SELECTED_ON)
                .steps();
    }
}
