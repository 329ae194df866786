package casebook.demo;

import static casebook.kernel.grant.GrantStep.*;
import static casebook.kernel.grant.GrantType.*;
import static casebook.kernel.grant.ProcedureKind.*;
import static casebook.kernel.grant.RecipientKind.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Grant cases of two bureaus on the calendars of DOMAIN.md §7.2 ([001 L749-826]): the FY2025 procedures worked
 * through as the calendars planned them, and FY2026 initial grants under way, so that the worklist, the deadline
 * board and the pending approvals all have content. Every amount is a demo value (the seeds give none).
 */
final class GrantCasesDemo {

    private GrantCasesDemo() {
    }

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    static List<DemoStep> steps() {
        List<DemoStep> steps = new ArrayList<>();
        // G01 基金 施設分, 埼玉県 FY2025: consultation 2025-06-19, deadline 2025-07-23, 内示 ~Sep, decision and payment ~Mar.
        steps.addAll(GrantScript.open("G01", KIKIN_SHISETSU, PREFECTURE, "110001", 2025, d(2025, 6, 1))
                .procedure(INITIAL, d(2025, 6, 1))
                .step(PRECONSULTATION_REQUESTED, d(2025, 6, 19)).step(PRECONSULTATION_SUBMITTED, d(2025, 7, 23), 812_000_000L, null)
                .step(PROVISIONAL_NOTIFIED, d(2025, 9, 26), 780_000_000L, null).step(APPLICATION_REQUESTED, d(2025, 11, 14))
                .step(APPLICATION_SUBMITTED, d(2026, 1, 23), 780_000_000L, null).step(REVIEWED, d(2026, 2, 20))
                .step(EXPENDITURE_AUTHORITY_RECEIVED, d(2026, 3, 9), 780_000_000L, "厚生労働省発老0309第12号")
                .step(DECISION_APPROVED, d(2026, 3, 16), 780_000_000L, null)
                .step(DECISION_NOTIFIED, d(2026, 3, 17), null, "関厚発0317第3号").step(PAID, d(2026, 3, 27), 780_000_000L, null)
                .steps());
        // G02 基金 人材分, 埼玉県 FY2025: request 2025-06-12, deadline 2025-07-18, 内示 undecided.
        steps.addAll(GrantScript.open("G02", KIKIN_JINZAI, PREFECTURE, "110001", 2025, d(2025, 6, 1))
                .procedure(INITIAL, d(2025, 6, 1))
                .step(PRECONSULTATION_REQUESTED, d(2025, 6, 12)).step(PRECONSULTATION_SUBMITTED, d(2025, 7, 18), 265_000_000L, null)
                .steps());
        // 基金 施設分, 茨城県 FY2025: the consultation request went out; nothing came back yet.
        steps.addAll(GrantScript.open("G01b", KIKIN_SHISETSU, PREFECTURE, "080004", 2025, d(2025, 6, 1))
                .procedure(INITIAL, d(2025, 6, 1)).step(PRECONSULTATION_REQUESTED, d(2025, 6, 19)).steps());
        // G03 一体的実施, 佐賀県後期高齢者医療広域連合 FY2025: 示達 received, 決裁 pending (a supervisor's approval).
        steps.addAll(GrantScript.open("G03", KOKI_ITTAI, KOIKI_RENGO, "410004", 2025, d(2025, 4, 1))
                .procedure(INITIAL, d(2025, 4, 1))
                .step(PRECONSULTATION_REQUESTED, d(2025, 4, 18)).step(PRECONSULTATION_SUBMITTED, d(2025, 7, 11), 96_500_000L, null)
                .step(PROVISIONAL_NOTIFIED, d(2025, 10, 17), 94_000_000L, null)
                .step(APPLICATION_SUBMITTED, d(2025, 10, 17), 94_000_000L, null).step(REVIEWED, d(2025, 11, 21))
                .step(EXPENDITURE_AUTHORITY_RECEIVED, d(2025, 12, 5), 94_000_000L, "保発1205第4号")
                .steps());
        // G04 一体的実施 FY2024 confirmation: report request 2025-04-18, deadline 2025-06-30, notice ~Feb 2026.
        steps.addAll(GrantScript.open("G04", KOKI_ITTAI, KOIKI_RENGO, "410004", 2024, d(2025, 4, 1))
                .procedure(CONFIRMATION, d(2025, 4, 1))
                .step(REPORT_REQUESTED, d(2025, 4, 18)).step(REPORT_SUBMITTED, d(2025, 6, 27), 88_200_000L, null)
                .steps());
        // G05 地域支援事業交付金, 久留米市 FY2025 initial: presented in late Nov, decided in March.
        steps.addAll(GrantScript.open("G05", CHIIKI_SHIEN_JIGYO, MUNICIPALITY, "402036", 2025, d(2025, 7, 1))
                .procedure(INITIAL, d(2025, 7, 1))
                .step(PRECONSULTATION_REQUESTED, d(2025, 7, 25)).step(PRECONSULTATION_SUBMITTED, d(2025, 8, 27), 1_512_000_000L, null)
                .step(PROVISIONAL_NOTIFIED, d(2025, 11, 26), 1_498_000_000L, null).step(APPLICATION_REQUESTED, d(2026, 2, 13))
                .step(APPLICATION_SUBMITTED, d(2026, 2, 25), 1_498_000_000L, null)
                .step(EXPENDITURE_AUTHORITY_RECEIVED, d(2026, 3, 10), 1_498_000_000L, "老発0310第7号")
                .step(DECISION_APPROVED, d(2026, 3, 13), 1_498_000_000L, null)
                .step(DECISION_NOTIFIED, d(2026, 3, 16), null, "九厚発0316第21号").step(PAID, d(2026, 3, 27), 1_498_000_000L, null)
                // G06's counterpart for FY2025: the performance report was asked for on 2026-05-14 and came in.
                .procedure(CONFIRMATION, d(2026, 5, 1))
                .step(REPORT_REQUESTED, d(2026, 5, 14)).step(REPORT_SUBMITTED, d(2026, 7, 10), 1_471_000_000L, null)
                .steps());
        // G08 地域支援事業交付金 adjustment grant, 香春町 FY2025.
        steps.addAll(GrantScript.open("G08", CHIIKI_SHIEN_JIGYO, MUNICIPALITY, "406015", 2025, d(2025, 11, 1))
                .procedure(ADJUSTMENT, d(2025, 11, 1))
                .step(SURVEY_REQUESTED, d(2025, 11, 25)).step(SURVEY_SUBMITTED, d(2025, 12, 19))
                .step(AMOUNT_CALCULATED, d(2026, 1, 15), 23_400_000L, null).step(PROVISIONAL_NOTIFIED, d(2026, 2, 16), 23_400_000L, null)
                .step(PAID, d(2026, 3, 26), 23_400_000L, null)
                .steps());
        // G07 re-confirmation of past years, 鉾田市 FY2023: report requested mid Aug 2025 and received.
        steps.addAll(GrantScript.open("G07", CHIIKI_SHIEN_JIGYO, MUNICIPALITY, "082341", 2023, d(2025, 8, 1))
                .procedure(RECONFIRMATION, d(2025, 8, 1))
                .step(REPORT_REQUESTED, d(2025, 8, 15)).step(REPORT_SUBMITTED, d(2025, 10, 3), 402_000_000L, null)
                .steps());
        // FY2026 initial grants under way (the FY2025 calendar one year on): some submitted, some outstanding.
        String[][] fy2026 = {{"G10", "402036"}, {"G11", "406015"}, {"G12", "413879"}, {"G13", "082341"}, {"G14", "202029"},
                {"G15", "152048"}};
        for (int i = 0; i < fy2026.length; i++) {
            GrantScript s = GrantScript.open(fy2026[i][0], CHIIKI_SHIEN_JIGYO, MUNICIPALITY, fy2026[i][1], 2026, d(2026, 7, 1))
                    .procedure(INITIAL, d(2026, 7, 1)).step(PRECONSULTATION_REQUESTED, d(2026, 7, 24));
            if (i % 2 == 0) {
                s.step(PRECONSULTATION_SUBMITTED, d(2026, 8, 21 + i), 300_000_000L + i * 45_000_000L, null);
            }
            steps.addAll(s.steps());
        }
        return steps;
    }
}
