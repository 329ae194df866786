package casebook.demo;

import static casebook.demo.EngagementScript.engagement;
import static casebook.demo.Milestones.SESSION_1;
import static casebook.demo.Milestones.SESSION_2;
import static casebook.demo.Milestones.VISIT_1;
import static casebook.demo.Milestones.VISIT_2;
import static casebook.demo.Milestones.VISIT_3;
import static casebook.kernel.engagement.MeetingMode.ONSITE;

import casebook.kernel.engagement.ParticipantGroup;
import casebook.kernel.engagement.Programme;
import casebook.kernel.engagement.SelectedBy;
import casebook.kernel.engagement.Theme;
import casebook.kernel.engagement.ThemeCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Kanto-Shinetsu's FY2024 engagements in the other programmes [001 L266-315]:
 * F13 甲州市 (在宅医療・介護連携推進支援事業), F14 国立市 (高齢者住まい・生活支援伴走支援事業), both selected by MHLW with
 * named advisors and three dated visits; F15 大磯町 (厚生局独自伴走支援, on 神奈川県's request) with two sessions.
 * F16 (茨城県's cancelled hearing) is left out: the seeds do not name the city, so it cannot be registered honestly.
 * 甲州市's "オンラインでの支援を2回実施" [001 L279] is not recorded either: the seeds give no dates for it.
 */
final class OtherProgrammesFy2024 {

    private static final String PLAN_ASSUMPTION = "the seeds give the day it was held; planned on that day at selection";

    private OtherProgrammesFy2024() {
    }

    static List<DemoStep> steps() {
        List<DemoStep> steps = new ArrayList<>();
        steps.addAll(koshu());
        steps.addAll(kunitachi());
        steps.addAll(oiso());
        return steps;
    }

    /** F13 甲州市: 老健局より選定された自治体に対して、アドバイザーが伴走支援を実施 [001 L268-279]. */
    private static List<DemoStep> koshu() {
        LocalDate selected = LocalDate.of(2024, 11, 1);
        LocalDate v1 = LocalDate.of(2024, 12, 3);
        LocalDate v2 = LocalDate.of(2025, 1, 10);
        LocalDate v3 = LocalDate.of(2025, 2, 10);
        ParticipantGroup bukai = new ParticipantGroup("甲州市", "在宅医療・介護連携部会", null, null);
        return engagement("F13", "192139")
                .registered(Programme.ZAITAKU_RENKEI, null, 2024, selected, null,
                        new Theme(ThemeCode.HOME_CARE_COORDINATION, "在宅医療・介護連携（入退院時の課題）"))
                .assuming("the registration date is not in the seeds; recorded on the selection date")
                .selected(selected, SelectedBy.MHLW)
                .assuming("老健局より選定 [001 L270]; the date is not in the seeds, any date before the 1st visit")
                .advisor(selected, "大冢賀 政昭", "国立保健医療科学院 医療・福祉サービス研究部 福祉サービス研究領域", "上席主任研究官")
                .advisor(selected, "村井 千賀", "石川県立こころの病院 認知症疾患医療センター", "副所長")
                .planned(VISIT_1, v1, null, null, ONSITE, selected).assuming(PLAN_ASSUMPTION)
                .planned(VISIT_2, v2, null, null, ONSITE, selected).assuming(PLAN_ASSUMPTION)
                .planned(VISIT_3, v3, null, null, ONSITE, selected).assuming(PLAN_ASSUMPTION)
                .held(VISIT_1, v1, null, null, ONSITE, List.of(bukai),
                        List.of("甲州市の在宅医療・介護連携部会でグループワークを実施"), null)
                .held(VISIT_2, v2, null, null, ONSITE, List.of(),
                        List.of("多職種連携のための研修会開催の支援"), null)
                .held(VISIT_3, v3, null, null, ONSITE, List.of(bukai),
                        List.of("在宅医療・介護連携部会でグループワークを実施", "入退院時の課題を共有"), null)
                .steps();
    }

    /** F14 国立市: 居住に関する課題に関して、専門家や都県及び当局等による伴走支援 [001 L281-291]. */
    private static List<DemoStep> kunitachi() {
        LocalDate selected = LocalDate.of(2024, 9, 2);
        LocalDate v1 = LocalDate.of(2024, 10, 16);
        LocalDate v2 = LocalDate.of(2025, 1, 8);
        LocalDate v3 = LocalDate.of(2025, 2, 27);
        return engagement("F14", "132152")
                .registered(Programme.SUMAI, null, 2024, selected, null,
                        new Theme(ThemeCode.HOUSING_SUPPORT, "居住に関する課題"))
                .assuming("the registration date is not in the seeds; recorded on the selection date")
                .selected(selected, SelectedBy.MHLW)
                .assuming("老健局より選定 [001 L283]; the date is not in the seeds, any date before the 1st visit")
                .advisor(selected, "白川 泰之", "日本大学 文理学部 社会福祉学科", "教授")
                .advisor(selected, "入原 修一", "公益社団法人かながわ住まいまちづくり協会 事業部", "担当部長")
                .planned(VISIT_1, v1, null, null, ONSITE, selected).assuming(PLAN_ASSUMPTION)
                .planned(VISIT_2, v2, null, null, ONSITE, selected).assuming(PLAN_ASSUMPTION)
                .planned(VISIT_3, v3, null, null, ONSITE, selected).assuming(PLAN_ASSUMPTION)
                .held(VISIT_1, v1, null, null, ONSITE, List.of(),
                        List.of("アドバイザーによる講話", "意見交換"), null)
                .held(VISIT_2, v2, null, null, ONSITE,
                        List.of(new ParticipantGroup("厚生労働省", "老健局 高齢者支援課", null, null),
                                new ParticipantGroup("国立市", "担当課", null, null)),
                        List.of("老健局高齢者支援課より行政説明", "アドバイザーによる講話", "国立市担当課より取組について説明",
                                "グループワーク"), null)
                .held(VISIT_3, v3, null, null, ONSITE, List.of(),
                        List.of("アドバイザーによる講話", "国立市より居住に関する課題の対応等の事例紹介"), null)
                .steps();
    }

    /**
     * F15 大磯町: 神奈川県's support for setting up a 地域ケア庁内連絡会, which the bureau joined near its end at the
     * prefecture's request; the sessions are the prefecture's 伴走支援事業 第7回 and 第8回 [001 L307-315].
     */
    private static List<DemoStep> oiso() {
        LocalDate selected = LocalDate.of(2024, 10, 1);
        LocalDate s1 = LocalDate.of(2024, 11, 1);
        LocalDate s2 = LocalDate.of(2025, 1, 30);
        List<ParticipantGroup> participants = List.of(
                new ParticipantGroup("神奈川県", null, null, null),
                new ParticipantGroup("大磯町", null, "庁内関係者", null),
                new ParticipantGroup("関東信越厚生局", "地域包括ケア推進課", "地域包括ケア推進官", null));
        String sessionAssumption = "the seeds list these sessions under 大磯町 without naming the town in their title"
                + " (DOMAIN.md §7.1 F15: probably 大磯町's); the mode is not in the seeds, taken as on site";
        return engagement("F15", "143413")
                .registered(Programme.BUREAU_OWN, null, 2024, selected,
                        "神奈川県が令和5年度から2年間をかけて支援していた地域ケア庁内連絡会の設置について、支援終盤に県の支援の後押しを期待され、県より要請を受け厚生局から参加",
                        new Theme(ThemeCode.IN_HOUSE_LIAISON, "地域ケア庁内連絡会の設置（複雑化・複合化した個のケースを題材とした情報共有と庁内の体制づくり）"))
                .assuming("the date of the prefecture's request is not in the seeds; any date before 2024-11-01")
                .selected(selected, SelectedBy.PREFECTURE)
                .assuming("joined on the prefecture's request [001 L295, L311]; recorded on the registration date")
                .planned(SESSION_1, s1, null, null, ONSITE, selected).assuming(PLAN_ASSUMPTION)
                .planned(SESSION_2, s2, null, null, ONSITE, selected).assuming(PLAN_ASSUMPTION)
                .held(SESSION_1, s1, null, null, ONSITE, participants,
                        List.of("神奈川県令和6年度地域包括ケアシステム推進のための伴走支援事業（第7回）"), null)
                .assuming(sessionAssumption)
                .held(SESSION_2, s2, null, null, ONSITE, participants,
                        List.of("神奈川県令和6年度地域包括ケアシステム推進のための伴走支援事業（第8回）"), null)
                .assuming(sessionAssumption)
                .finding(SESSION_2, s2, "県から「厚生局が入ることで集まった庁内外の関係者に今までにない緊張感があった」と評価を受けた")
                .assuming("the seeds give the prefecture's assessment without a date [001 L311]; recorded at the last session")
                .steps();
    }
}
