package casebook.demo;

import casebook.kernel.consultation.CapInputs;
import casebook.kernel.consultation.ConsultationReason;
import casebook.kernel.consultation.command.ApproveUpperLimitConsultation;
import casebook.kernel.consultation.command.LinkEngagement;
import casebook.kernel.consultation.command.LinkGrantCase;
import casebook.kernel.consultation.command.OpenUpperLimitConsultation;
import casebook.kernel.consultation.command.ReviewUpperLimitConsultation;
import casebook.kernel.consultation.command.SubmitUpperLimitConsultation;
import casebook.kernel.grant.GrantType;
import casebook.kernel.inquiry.InquirerKind;
import casebook.kernel.inquiry.InquiryChannel;
import casebook.kernel.inquiry.command.AnswerInquiry;
import casebook.kernel.inquiry.command.AssignInquiry;
import casebook.kernel.inquiry.command.CloseInquiry;
import casebook.kernel.inquiry.command.EscalateToMinistry;
import casebook.kernel.inquiry.command.ReceiveInquiry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * 疑義照会 about grant procedures ([001 L736]: the bureau answers queries from prefectures and municipalities)
 * and one 個別協議 (DOMAIN.md §3.3, §2.2: a cap overrun is both a selection signal and a theme). The seeds give
 * no inquiry texts or cap figures: these are illustrative demo values, said so in their text.
 */
final class InquiriesDemo {

    private InquiriesDemo() {
    }

    static String id(String name) {
        return UUID.nameUUIDFromBytes(("demo:" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    static List<DemoStep> steps() {
        String q1 = id("inquiry:Q1");
        String q2 = id("inquiry:Q2");
        String q3 = id("inquiry:Q3");
        String c1 = id("consultation:C1");
        return List.of(
                new DemoStep("Q1: 久留米市 asks about the B/D eligible-cost ratio (open, assigned)", new ReceiveInquiry(q1,
                        InquirerKind.MUNICIPALITY, "402036", InquiryChannel.EMAIL, d(2026, 11, 4),
                        "【デモ】住民主体サービスBの対象経費の算定について",
                        "【デモ】要支援者等の割合が5割を下回る場合の補助対象経費の算定方法を確認したい。", GrantType.CHIIKI_SHIEN_JIGYO,
                        DemoScenario.grantCaseId("G10"))),
                new DemoStep("Q1: assigned", new AssignInquiry(q1, "officer-kyushu", d(2026, 11, 5))),
                new DemoStep("Q2: 佐賀県 asks about the 一体的実施 change application (escalated to head office)", new ReceiveInquiry(q2,
                        InquirerKind.PREFECTURE, "410004", InquiryChannel.PHONE, d(2026, 10, 20),
                        "【デモ】変更交付申請の提出時期について", "【デモ】広域連合の変更交付申請は事前申請なしで提出できるか。",
                        GrantType.KOKI_ITTAI, null)),
                new DemoStep("Q2: assigned", new AssignInquiry(q2, "officer-kyushu", d(2026, 10, 21))),
                new DemoStep("Q2: asked head office", new EscalateToMinistry(q2, d(2026, 10, 23),
                        "【デモ】変更交付申請における事前申請の要否について御教示願いたい。")),
                new DemoStep("Q3: 埼玉県 asks about the fund's application deadline (answered and closed)", new ReceiveInquiry(q3,
                        InquirerKind.PREFECTURE, "110001", InquiryChannel.EMAIL, d(2025, 12, 2),
                        "【デモ】交付申請書類の提出期限について", "【デモ】施設分の交付申請書類の提出期限を確認したい。",
                        GrantType.KIKIN_SHISETSU, DemoScenario.grantCaseId("G01"))),
                new DemoStep("Q3: assigned", new AssignInquiry(q3, "officer-kanto", d(2025, 12, 2))),
                new DemoStep("Q3: answered", new AnswerInquiry(q3, d(2025, 12, 4), "【デモ】令和8年1月下旬を予定している旨を回答。")),
                new DemoStep("Q3: closed", new CloseInquiry(q3, d(2025, 12, 5))),
                new DemoStep("C1: 香春町 個別協議 FY2025 (demo figures), approved and linked", new OpenUpperLimitConsultation(c1, "406015",
                        2025, new CapInputs(180_000_000L, new BigDecimal("1.021"), 183_780_000L), 195_000_000L, 11_220_000L,
                        ConsultationReason.SPECIAL_CIRCUMSTANCE, "【デモ】通いの場の拡充に伴う一時的な増加", d(2025, 6, 2))),
                new DemoStep("C1: submitted via 福岡県", new SubmitUpperLimitConsultation(c1, d(2025, 6, 20), "400009")),
                new DemoStep("C1: reviewed", new ReviewUpperLimitConsultation(c1, d(2025, 7, 10), "officer-kyushu",
                        "【デモ】増加理由と翌年度以降の見直し方針を確認。")),
                new DemoStep("C1: approved", new ApproveUpperLimitConsultation(c1, d(2025, 7, 25), 11_220_000L, "supervisor-kyushu")),
                new DemoStep("C1: linked to 香春町's 加速化 engagement", new LinkEngagement(c1, DemoScenario.engagementId("F02"),
                        d(2025, 7, 25))),
                new DemoStep("C1: linked to 香春町's adjustment-grant case", new LinkGrantCase(c1, DemoScenario.grantCaseId("G08"),
                        d(2025, 11, 1))));
    }
}
