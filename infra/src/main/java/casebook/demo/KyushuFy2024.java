package casebook.demo;

import static casebook.demo.EngagementScript.engagement;
import static casebook.demo.Milestones.M0_5;
import static casebook.demo.Milestones.M1_5;
import static casebook.demo.Milestones.M2_5;
import static casebook.demo.Milestones.REPORT_MEETING;
import static casebook.demo.Milestones.VISIT_1;
import static casebook.demo.Milestones.VISIT_2;
import static casebook.demo.Milestones.VISIT_3;
import static casebook.kernel.engagement.ThemeCode.CARE_PREVENTION_MANAGEMENT;
import static casebook.kernel.engagement.ThemeCode.LIVING_SUPPORT_SYSTEM;
import static casebook.kernel.engagement.ThemeCode.SERVICE_ACTIVITY;

import casebook.kernel.engagement.EngagementType;
import casebook.kernel.engagement.MeetingMode;
import casebook.kernel.engagement.MilestoneSlot;
import casebook.kernel.engagement.OutputKind;
import casebook.kernel.engagement.Programme;
import casebook.kernel.engagement.SelectedBy;
import casebook.kernel.engagement.Theme;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * F01–F03: 九州厚生局's three 加速化 engagements of FY2024 (令和6年度), bureau-led, every milestone held.
 * <ul>
 * <li>Schedule: "（参考）支援スケジュール" [002 L2583-2627]; the .5 meetings are the only ones with times, and are
 * online ("各支援の合間にオンラインミーティング等" [002 L2629-2630]).</li>
 * <li>Themes: the national roster's wording [003 L6155-6167] (the Kyushu slide says 介護予防・生活支援サービス事業 for
 * the same thing [002 L2573-2579]).</li>
 * <li>Agenda of each visit: the 支援概要 of each town's report materials [002 L2631-2699]; the seeds end each list
 * with 等.</li>
 * <li>Report meeting: 令和6年度地域づくり加速化事業市町村支援に係る報告会 (R7.3.7) [002 L2647, L2662, L2697].</li>
 * </ul>
 * The seeds give neither the selection date, nor what was said at the .5 meetings, nor the advisors: 香春町 and
 * 玄海町 had advisor lectures [002 L2675, L2686, L2690], but no advisor is named, so none is assigned.
 */
final class KyushuFy2024 {

    /** Assumed: a date before the first 0.5mtg (玄海町, 2024-07-31); the seeds do not give it. */
    private static final LocalDate SELECTED_ON = LocalDate.of(2024, 7, 1);
    private static final LocalDate REPORT_MEETING_ON = LocalDate.of(2025, 3, 7);
    private static final String REPORT_MEETING_NAME = "令和6年度地域づくり加速化事業市町村支援に係る報告会";

    private KyushuFy2024() {
    }

    static List<DemoStep> steps() {
        List<DemoStep> steps = new ArrayList<>();
        steps.addAll(script("F01", "402036",
                List.of(new Theme(CARE_PREVENTION_MANAGEMENT, "介護予防ケアマネジメント"),
                        new Theme(SERVICE_ACTIVITY, "サービス・活動Ａ、Ｂ、Ｃ")),
                meeting(M0_5, "2024-08-07", "15:00", "16:30"),
                visit(VISIT_1, "2024-10-03", "庁内での現状と課題の共有", "取組内容について戦略会議"),
                meeting(M1_5, "2024-10-18", "10:00", "11:30"),
                visit(VISIT_2, "2024-11-08", "地域包括支援センターへのヒアリング結果を踏まえ現状と課題を整理", "意見交換"),
                meeting(M2_5, "2024-12-24", "15:00", "16:30"),
                visit(VISIT_3, "2025-02-05", "ロードマップ案について説明・意見交換",
                        "市の現状と通所Cを主軸とした総合事業の目指す姿を説明・意見交換")
                        .producing(OutputKind.ROADMAP_DRAFT, "ロードマップ案"),
                report("久留米市")));
        steps.addAll(script("F02", "406015",
                List.of(new Theme(SERVICE_ACTIVITY, "サービス・活動Ａ、Ｂ"),
                        new Theme(LIVING_SUPPORT_SYSTEM, "生活支援体制整備事業")),
                meeting(M0_5, "2024-08-05", "13:30", "15:00"),
                visit(VISIT_1, "2024-10-02", "現状と課題の整理", "町長との意見交換", "今後の内容について作戦会議"),
                meeting(M1_5, "2024-11-11", "13:30", "15:00"),
                visit(VISIT_2, "2024-12-17", "地域運営組織について情報共有", "意見交換", "今後の取組内容について作戦会議"),
                meeting(M2_5, "2025-01-14", "13:30", "15:00"),
                visit(VISIT_3, "2025-01-30", "アドバイザーによる講演", "意見交換", "ロードマップについて検討"),
                report("香春町")));
        steps.addAll(script("F03", "413879",
                List.of(new Theme(SERVICE_ACTIVITY, "従前相当、サービス・活動Ａ"),
                        new Theme(LIVING_SUPPORT_SYSTEM, "生活支援体制整備事業")),
                meeting(M0_5, "2024-07-31", "14:00", "15:30"),
                visit(VISIT_1, "2024-10-10", "現状と課題の整理", "課題について意見交換"),
                meeting(M1_5, "2024-11-11", "15:30", "17:00"),
                visit(VISIT_2, "2024-12-23", "庁内連携についてＡＤから講演", "庁内関係各課や関係事業所等との意見交換"),
                meeting(M2_5, "2025-01-21", "13:00", "14:30"),
                visit(VISIT_3, "2025-02-18", "生活支援体制整備事業等についてＡＤから講演", "地域の住民との意見交換",
                        "社協や事業所等関係団体との意見交換"),
                report("玄海町")));
        return steps;
    }

    /** Registers, selects, plans the whole schedule, then holds each milestone in turn. */
    private static List<DemoStep> script(String fixtureId, String municipalityCode, List<Theme> themes,
            Slot... schedule) {
        EngagementScript e = engagement(fixtureId, municipalityCode)
                .registered(Programme.KASOKUKA, EngagementType.BUREAU_LED, 2024, SELECTED_ON, null,
                        themes.toArray(Theme[]::new))
                .assuming("the registration date is not in the seeds; recorded on the selection date")
                .selected(SELECTED_ON, SelectedBy.BUREAU)
                .assuming("the selection date is not in the seeds; any date before the first 0.5mtg (2024-07-31)");
        for (Slot s : schedule) {
            // the seeds do not say how the report meeting is held: no mode in its plan
            MeetingMode plannedMode = s.milestone().equals(REPORT_MEETING) ? null : s.mode();
            e.planned(s.milestone(), s.on(), s.start(), s.end(), plannedMode, SELECTED_ON)
                    .assuming("the date the schedule was fixed is not in the seeds; recorded on the selection date");
        }
        for (Slot s : schedule) {
            e.held(s.milestone(), s.on(), s.start(), s.end(), s.mode(), List.of(), s.agenda(), null);
            if (s.milestone().equals(REPORT_MEETING)) {
                e.assuming("the seeds do not say how the report meeting was held; recorded as online");
            }
            if (s.output() != null) {
                e.output(s.output(), s.outputTitle(), s.milestone(), s.on());
            }
        }
        return e.steps();
    }

    /** One column of the schedule table, with the visit's agenda and what it produced. */
    private record Slot(MilestoneSlot milestone, LocalDate on, LocalTime start, LocalTime end, MeetingMode mode,
            List<String> agenda, OutputKind output, String outputTitle) {

        Slot producing(OutputKind kind, String title) {
            return new Slot(milestone, on, start, end, mode, agenda, kind, title);
        }
    }

    /** A .5 meeting: online, with its time; the seeds record no agenda for it. */
    private static Slot meeting(MilestoneSlot milestone, String date, String start, String end) {
        return new Slot(milestone, LocalDate.parse(date), LocalTime.parse(start), LocalTime.parse(end),
                MeetingMode.ONLINE, List.of(), null, null);
    }

    /** An on-site visit (full day, no time in the seeds). */
    private static Slot visit(MilestoneSlot milestone, String date, String... agenda) {
        return new Slot(milestone, LocalDate.parse(date), null, null, MeetingMode.ONSITE, List.of(agenda), null, null);
    }

    /** The report meeting, where each town presented its 報告資料 with a 支援概要 per visit. */
    private static Slot report(String municipalityName) {
        return new Slot(REPORT_MEETING, REPORT_MEETING_ON, null, null, MeetingMode.ONLINE,
                List.of(REPORT_MEETING_NAME + "（R7.3.7）", municipalityName + "報告資料（支援概要）の報告"),
                OutputKind.REPORT_MATERIAL, municipalityName + "報告資料");
    }
}
