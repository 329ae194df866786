package casebook.demo;

import static casebook.demo.EngagementScript.engagement;
import static casebook.demo.Milestones.M0_5;
import static casebook.demo.Milestones.M1_5;
import static casebook.demo.Milestones.M2_5;
import static casebook.demo.Milestones.VISIT_1;
import static casebook.demo.Milestones.VISIT_2;
import static casebook.demo.Milestones.VISIT_3;
import static casebook.kernel.engagement.MeetingMode.ONLINE;
import static casebook.kernel.engagement.MeetingMode.ONSITE;
import static casebook.kernel.time.PeriodPart.AROUND;
import static casebook.kernel.time.PeriodPart.EARLY;
import static casebook.kernel.time.PeriodPart.LATE;
import static casebook.kernel.time.PeriodPart.MID;

import casebook.kernel.engagement.EngagementType;
import casebook.kernel.engagement.OutputKind;
import casebook.kernel.engagement.ParticipantGroup;
import casebook.kernel.engagement.Programme;
import casebook.kernel.engagement.SelectedBy;
import casebook.kernel.engagement.Theme;
import casebook.kernel.engagement.ThemeCode;
import casebook.kernel.time.PlannedPeriod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * F04 訓子府町 and F05 大垣市: two FY2024 加速化 engagements told month by month in MHLW's narrative
 * (令和7年度保健師中央会議 資料13) [004 L130-268]; themes from the national roster [003 L6099, L6121].
 * The narratives give months (9月初旬, 10月末) but no days: milestones are planned on those periods and held on an
 * illustrative day inside them, and each such step says so. The .5 meetings are taken as online, as the seeds
 * imply ("各支援の合間にオンラインミーティング等" [002 L2629]). Homework is recorded as done on the day of the
 * milestone it was due before, since the narrative shows it done by then but not when. 大垣市's advisor (who
 * advised and sent a rehab professional [004 L196, L223, L232]) is not named, so no advisor is assigned.
 */
final class NarrativesFy2024 {

    /** Assumed as for Kyushu: the seeds give no selection date, only that the 0.5mtg was in August. */
    private static final LocalDate SELECTED_ON = LocalDate.of(2024, 7, 1);
    private static final String SELECTION_ASSUMPTION = "the selection date is not in the seeds; any date before the 0.5mtg (2024年8月)";
    private static final String PLAN_ASSUMPTION = "the narrative gives when it happened, not when it was planned; planned on the selection date";
    private static final String ONLINE_ASSUMPTION = ".5 meetings taken as online [002 L2629]";

    private NarrativesFy2024() {
    }

    static List<DemoStep> steps() {
        List<DemoStep> steps = new ArrayList<>();
        steps.addAll(kunneppu());
        steps.addAll(ogaki());
        return steps;
    }

    /** F04 訓子府町 (北海道厚生局), ～町の高齢者や庁内関係者と話し合いながら連携推進～ [004 L130-187]. */
    private static List<DemoStep> kunneppu() {
        LocalDate m05 = LocalDate.of(2024, 8, 20);
        LocalDate v1 = LocalDate.of(2024, 9, 5);
        LocalDate m15 = LocalDate.of(2024, 9, 18);
        LocalDate v2 = LocalDate.of(2024, 10, 16);
        LocalDate m25 = LocalDate.of(2024, 11, 13);
        LocalDate v3 = LocalDate.of(2024, 12, 11);
        LocalDate entry = LocalDate.of(2024, 5, 15);
        return engagement("F04", "015491")
                // [004 L132-147]: internal review in R6年3月, entry in 4～5月, 応募の背景
                .registered(Programme.KASOKUKA, EngagementType.BUREAU_LED, 2024, entry,
                        "地域の高齢者有志による「ほっとなまちをつくり隊」(協議体)の活動や役割をさらに広げていきたい!",
                        new Theme(ThemeCode.LIVING_SUPPORT_SYSTEM, "生活支援体制整備事業"))
                .assuming("registered when the entry sheet arrived, 4～5月 [004 L137]; the exact day is not in the seeds")
                .entrySheet(entry, "エントリーシートを作成し応募。応募にあたって課内・部内の認識合わせ。"
                        + "（R6年3月：内部検討。近隣町の加速化での受援状況を聞き、R6年度での手上げを検討、課内での課題整理）")
                .dayNotInSeeds("4～5月 [004 L137]")
                .selected(SELECTED_ON, SelectedBy.BUREAU).assuming(SELECTION_ASSUMPTION)
                .planned(M0_5, new PlannedPeriod(2024, 8, AROUND), ONLINE, SELECTED_ON).assuming(PLAN_ASSUMPTION)
                .planned(VISIT_1, new PlannedPeriod(2024, 9, EARLY), ONSITE, SELECTED_ON).assuming(PLAN_ASSUMPTION)
                .planned(M1_5, new PlannedPeriod(2024, 9, MID), ONLINE, SELECTED_ON).assuming(PLAN_ASSUMPTION)
                .planned(VISIT_2, new PlannedPeriod(2024, 10, AROUND), ONSITE, SELECTED_ON).assuming(PLAN_ASSUMPTION)
                .planned(M2_5, new PlannedPeriod(2024, 11, AROUND), ONLINE, SELECTED_ON).assuming(PLAN_ASSUMPTION)
                .planned(VISIT_3, new PlannedPeriod(2024, 12, AROUND), ONSITE, SELECTED_ON).assuming(PLAN_ASSUMPTION)
                // 8月：0.5mtg [004 L142-144]
                .held(M0_5, m05, null, null, ONLINE, List.of(),
                        List.of("町の課題や取り組みたいことをシートにまとめ、支援チームと方向性を意見交換"), null)
                .dayNotInSeeds("8月 [004 L142]").assuming(ONLINE_ASSUMPTION)
                .output(OutputKind.ISSUE_SHEET, "町の課題や取り組みたいことをまとめたシート", M0_5, m05)
                // 9月初旬：現地支援1回目 [004 L149-155]
                .held(VISIT_1, v1, null, null, ONSITE,
                        List.of(new ParticipantGroup("ほっとなまちをつくり隊（協議体）", null, "地域の高齢者有志", null)),
                        List.of("現地支援日にあわせて協議体を開催", "「町のよいところ・困りごと」を話し合い"), null)
                .dayNotInSeeds("9月初旬 [004 L149]")
                .finding(VISIT_1, v1, "協議体でどんなことができそうか、アイデアがたくさん出た")
                .output(OutputKind.VIDEO, "協議体での話し合いの様子（動画）", VISIT_1, v1)
                .assuming("the narrative shows the video at the 1.5mtg follow-up [004 L174]; taken as filmed at visit 1")
                // 9月中旬：1.5mtg [004 L171-174]
                .held(M1_5, m15, null, null, ONLINE, List.of(), List.of(), null)
                .dayNotInSeeds("9月中旬 [004 L171]").assuming(ONLINE_ASSUMPTION)
                .decision(M1_5, m15, "2回目支援では町職員同士で話し合いの機会をもつことに決定")
                .homework("other-departments", VISIT_2, "訓子府町", m15,
                        "2回目支援に向けて、庁内他課へ働きかけ(協議体での話し合いの様子を動画で見せながら、加速化での取組について説明し、2回目支援への参加を依頼)")
                .homeworkDone("other-departments", v2, "政策推進課、町民課、社会教育課、健康増進係が2回目支援に参加")
                .assuming("done by visit 2; recorded on its day")
                // 10月：現地支援2回目 [004 L157-163]
                .held(VISIT_2, v2, null, null, ONSITE,
                        List.of(new ParticipantGroup("訓子府町", "政策推進課", null, null),
                                new ParticipantGroup("訓子府町", "町民課", null, null),
                                new ParticipantGroup("訓子府町", "社会教育課", null, null),
                                new ParticipantGroup("訓子府町", "健康増進係", null, null)),
                        List.of("協議体から出たアイデアをもとに、「庁内で一緒に考えられそうなこと」を話し合い"), null)
                .dayNotInSeeds("10月 [004 L157]")
                .finding(VISIT_2, v2, "立場の異なる職員同士のディスカッションを通して、協議体のさらなる可能性が見えてきた")
                // 11月：2.5mtg [004 L184-187]
                .held(M2_5, m25, null, null, ONLINE, List.of(), List.of(), null)
                .dayNotInSeeds("11月 [004 L184]").assuming(ONLINE_ASSUMPTION)
                .decision(M2_5, m25, "3回目支援では「訓子府で暮らしきる作戦会議」と題して、協議体と町職員とで意見交換の場をもつことに決定")
                .homework("flyers", VISIT_3, "訓子府町", m25,
                        "3回目支援に向けて、協議体や庁内関係者にチラシを配布し、参加を呼びかけ")
                .output(OutputKind.FLYER, "「訓子府で暮らしきる作戦会議」チラシ", M2_5, m25)
                .assuming("the flyer's date is not in the seeds; recorded on the 2.5mtg day")
                .homeworkDone("flyers", v3, "協議体や庁内関係者にチラシを配布")
                .assuming("done by visit 3; recorded on its day")
                // 12月：現地支援3回目 [004 L176-182]
                .held(VISIT_3, v3, null, null, ONSITE,
                        List.of(new ParticipantGroup("ほっとなまちをつくり隊（協議体）・訓子府町", null, "協議体と町職員", 40)),
                        List.of("訓子府で暮らしきる作戦会議",
                                "「訓子府で暮らしきる」ための3つのテーマに沿ってグループワーク（誰と・どのように・何をするか）"),
                        "協議体と町職員、約40名が集合")
                .dayNotInSeeds("12月 [004 L176]").assuming("約40名 recorded as 40")
                .finding(VISIT_3, v3, "誰と・どのように・何をするか? 住民と役場、それぞれの立場でたくさんの作戦が生まれた")
                // 加速化終了後 [004 L165-169]
                .output(OutputKind.SYMPOSIUM, "住民を広く集めたシンポジウム", null, LocalDate.of(2025, 1, 22))
                .dayNotInSeeds("1月 [004 L167]")
                .decision(null, LocalDate.of(2025, 1, 31),
                        "話し合われた作戦をもとに次年度以降に優先的に取り組むことを決め、協議体・庁内関係者と連携していく")
                .dayNotInSeeds("加速化終了後 (2025年1月) [004 L169]")
                .steps();
    }

    /** F05 大垣市 (東海北陸厚生局), ～アドバイザーの助言をもらいながら新たな総合事業を試行的実施～ [004 L191-268]. */
    private static List<DemoStep> ogaki() {
        LocalDate m05 = LocalDate.of(2024, 8, 21);
        LocalDate v1 = LocalDate.of(2024, 10, 9);
        LocalDate m15 = LocalDate.of(2024, 10, 30);
        LocalDate v2 = LocalDate.of(2024, 11, 20);
        LocalDate m25 = LocalDate.of(2025, 1, 8);
        LocalDate v3 = LocalDate.of(2025, 1, 29);
        LocalDate entry = LocalDate.of(2024, 5, 15);
        ParticipantGroup houkatsu = new ParticipantGroup("大垣市内の地域包括支援センター", null, "包括職員", null);
        return engagement("F05", "212024")
                // 【応募の背景】 [004 L203-206]
                .registered(Programme.KASOKUKA, EngagementType.BUREAU_LED, 2024, entry,
                        "デイサービスの利用が増大しており、総合事業を組み立て直したい。特に、今年度から開始した訪問型・短期集中予防サービスを効果的に運営したい！",
                        new Theme(ThemeCode.SERVICE_ACTIVITY, "サービス・活動Ｃ"),
                        new Theme(ThemeCode.GATHERING_PLACES, "通いの場"))
                .assuming("the 大垣市 narrative gives no entry date; taken as 訓子府町's 4～5月 [004 L137], registered when the entry arrived")
                .entrySheet(entry, "応募の背景：デイサービスの利用増大、総合事業の組み立て直し、訪問型・短期集中予防サービスの効果的な運営")
                .assuming("the 大垣市 narrative gives no entry date; taken as 訓子府町's 4～5月 [004 L137]")
                .selected(SELECTED_ON, SelectedBy.BUREAU).assuming(SELECTION_ASSUMPTION)
                .planned(M0_5, new PlannedPeriod(2024, 8, AROUND), ONLINE, SELECTED_ON).assuming(PLAN_ASSUMPTION)
                .planned(VISIT_1, new PlannedPeriod(2024, 10, AROUND), ONSITE, SELECTED_ON).assuming(PLAN_ASSUMPTION)
                .planned(M1_5, new PlannedPeriod(2024, 10, LATE), ONLINE, SELECTED_ON).assuming(PLAN_ASSUMPTION)
                .planned(VISIT_2, new PlannedPeriod(2024, 11, AROUND), ONSITE, SELECTED_ON).assuming(PLAN_ASSUMPTION)
                .planned(M2_5, new PlannedPeriod(2025, 1, EARLY), ONLINE, SELECTED_ON).assuming(PLAN_ASSUMPTION)
                .planned(VISIT_3, new PlannedPeriod(2025, 1, LATE), ONSITE, SELECTED_ON).assuming(PLAN_ASSUMPTION)
                // R6年8月：0.5mtg [004 L193-196]
                .held(M0_5, m05, null, null, ONLINE, List.of(),
                        List.of("市の課題や取り組みたいことをシートにまとめ、支援チームと方向性を意見交換",
                                "総合事業の考え方を学び、市の課題を整理するために必要なデータや事例についてアドバイザーから助言"), null)
                .dayNotInSeeds("R6年8月 [004 L193]").assuming(ONLINE_ASSUMPTION)
                .output(OutputKind.ISSUE_SHEET, "市の課題や取り組みたいことをまとめたシート", M0_5, m05)
                // 現地支援までに... [004 L198-201]
                .homework("care-plans", VISIT_1, "大垣市（地域包括支援センターの協力）", m05,
                        "地域包括支援センターに協力してもらい、現地支援1回目で検討する事例(ケアプラン)を収集")
                .homework("service-data", VISIT_1, "大垣市（厚生局と相談）", m05,
                        "厚生局と相談しながら、要支援者のサービス利用状況や改善状況などのデータを整理")
                .homeworkDone("care-plans", v1, "現地支援1回目で実際のケアプランを確認").assuming("done by visit 1; recorded on its day")
                .homeworkDone("service-data", v1, "現地支援1回目で要支援者のデータを確認").assuming("done by visit 1; recorded on its day")
                // 10月：現地支援1回目 [004 L208-214]
                .held(VISIT_1, v1, null, null, ONSITE,
                        List.of(new ParticipantGroup("大垣市", null, "課長含め市職員", null)),
                        List.of("市の要支援者のデータや、実際のケアプランを確認",
                                "要支援者の状態像や必要なサービス・取組について意見交換"), null)
                .dayNotInSeeds("10月 [004 L208]")
                .finding(VISIT_1, v1, "必ずしも適切ではないデイサービスの利用がある")
                .finding(VISIT_1, v1, "リハ職によるアセスメントや短期集中予防サービスによって高齢者が元の生活を取り戻すための支援ができる可能性が見えてきた")
                // 1.5mtgまでに... [004 L216-219]
                .homework("budget-request", M1_5, "大垣市", v1,
                        "次年度予算に要求できるよう、1.5mtgまでの間にアドバイザーに助言をもらいながら新規事業調書を作成")
                .decision(null, LocalDate.of(2024, 10, 16),
                        "次年度からリハ職同行アセスメント+短期集中予防サービスを組み合わせた総合事業の仕組みを構築することを課内で意思決定")
                .dayNotInSeeds("1.5mtgまでに (2024年10月) [004 L218]")
                .output(OutputKind.NEW_PROJECT_BUDGET_REQUEST, "新規事業調書（リハ職同行アセスメント+短期集中予防サービス）", null,
                        LocalDate.of(2024, 10, 25))
                .dayNotInSeeds("1.5mtgまでに (2024年10月) [004 L219]")
                .homeworkDone("budget-request", LocalDate.of(2024, 10, 25), "新規事業調書を作成")
                .dayNotInSeeds("1.5mtgまでに (2024年10月)")
                // 10月末：1.5mtg [004 L221-224]
                .held(M1_5, m15, null, null, ONLINE, List.of(),
                        List.of("次の現地支援でモデル事例としてリハ職訪問をやってみることをアドバイザーから提案"), null)
                .dayNotInSeeds("10月末 [004 L221]").assuming(ONLINE_ASSUMPTION)
                .decision(M1_5, m15, "現地支援2回目でモデル事例としてリハ職訪問をやってみる（アドバイザーの提案）")
                .homework("model-cases", VISIT_2, "大垣市・地域包括支援センター", m15,
                        "現地支援2回目までに、モデル事例となり得る方を包括センターとともに調整")
                .homeworkDone("model-cases", v2, "モデル事例2件を調整").assuming("done by visit 2; recorded on its day")
                // 11月：現地支援2回目 [004 L226-238]
                .held(VISIT_2, v2, null, null, ONSITE,
                        List.of(houkatsu,
                                new ParticipantGroup("介護サービス事業所", null, "リハ職", null),
                                new ParticipantGroup("アドバイザーより派遣", null, "経験豊富なリハ職", null)),
                        List.of("包括職員や事業所リハ職とともにモデル事例としてリハ職同行アセスメントと訪問型短期集中予防サービスを2件実施",
                                "モデル事例の動画を見ながら、大垣市での実施体制を検討"), null)
                .dayNotInSeeds("11月 [004 L226]")
                .output(OutputKind.MODEL_CASE, "モデル事例（リハ職同行アセスメント+訪問型短期集中予防サービス）2件", VISIT_2, v2)
                .output(OutputKind.VIDEO, "モデル事例の動画", VISIT_2, v2)
                .decision(VISIT_2, v2, "包括センターで現地支援3回目までに試行的に数事例を経験してみる")
                .finding(VISIT_2, v2, "包括職員との意見交換を通して、アセスメントとサービス利用のフローが整理されてきた")
                .homework("trial-cases", VISIT_3, "地域包括支援センター", v2, "現地支援3回目までに試行的に数事例を経験")
                // 2.5mtgまでに... [004 L242-244]
                .homework("trial-questions", M2_5, "大垣市（アドバイザーの助言）", v2,
                        "試行的実施に向け、事業所のリハ職や包括職員から質問を受け付け、アドバイザーに助言をもらいながら対応")
                .homeworkDone("trial-questions", m25, "質問に対応").assuming("done by the 2.5mtg; recorded on its day")
                // 1月初旬：2.5mtg [004 L246-248]
                .held(M2_5, m25, null, null, ONLINE, List.of(),
                        List.of("現地支援3回目で行う事例検討会と説明会の詳細を最終確認"), null)
                .dayNotInSeeds("1月初旬 [004 L246]").assuming(ONLINE_ASSUMPTION)
                .homeworkDone("trial-cases", v3, "試行的実施を行った事例を包括センターから事例検討会に持ち寄り")
                .assuming("done by visit 3; recorded on its day")
                // 1月末：現地支援3回目 [004 L250-268]
                .held(VISIT_3, v3, null, null, ONSITE,
                        List.of(houkatsu,
                                new ParticipantGroup("介護サービス事業所", null, null, null),
                                new ParticipantGroup("リハ関係者", null, null, null),
                                new ParticipantGroup("大垣市", null, "部長、市担当者", null)),
                        List.of("午前：包括職員との事例検討会（試行的実施を行った事例）",
                                "午後：新たな総合事業の説明会（包括センター、介護サービス事業所、リハ関係者等）",
                                "市担当者から大垣市が目指す総合事業の流れを発表",
                                "部長から包括センターや事業所へ協力を呼びかけ"), null)
                .dayNotInSeeds("1月末 [004 L250]")
                .finding(VISIT_3, v3, "試行にあたってうまくいったこと・悩んだことを共有し、次年度からの方法の検討や、市として今後取り組むべき課題が見えてきた")
                .output(OutputKind.BRIEFING_SESSION, "新たな総合事業の説明会", VISIT_3, v3)
                .steps();
    }
}
