package casebook.kernel.engagement;

import java.util.List;
import java.util.Set;

/** The support programmes (伴走支援) the division takes part in, each with its milestone template. */
public enum Programme {
    /** 地域づくり加速化事業 */
    KASOKUKA("地域づくり加速化事業",
            List.of(MilestoneKind.M0_5, MilestoneKind.VISIT_1, MilestoneKind.M1_5, MilestoneKind.VISIT_2,
                    MilestoneKind.M2_5, MilestoneKind.VISIT_3, MilestoneKind.REPORT_MEETING),
            Set.of(MilestoneKind.ONLINE_SESSION)),
    /** 在宅医療・介護連携推進支援事業: three visits plus online sessions, no .5 meetings */
    ZAITAKU_RENKEI("在宅医療・介護連携推進支援事業",
            List.of(MilestoneKind.VISIT_1, MilestoneKind.VISIT_2, MilestoneKind.VISIT_3),
            Set.of(MilestoneKind.ONLINE_SESSION)),
    /** 高齢者住まい・生活支援伴走支援事業 */
    SUMAI("高齢者住まい・生活支援伴走支援事業",
            List.of(MilestoneKind.VISIT_1, MilestoneKind.VISIT_2, MilestoneKind.VISIT_3),
            Set.of(MilestoneKind.ONLINE_SESSION)),
    /** 厚生局独自伴走支援: sessions on a prefecture's request, as many as needed */
    BUREAU_OWN("厚生局独自伴走支援", List.of(), Set.of(MilestoneKind.SESSION, MilestoneKind.ONLINE_SESSION)),
    /** アドバイザー派遣: 申込 → 依頼 → 承諾 → 決定 → 助言等 (repeatable) → 報告 */
    ADVISOR_DISPATCH("アドバイザー派遣",
            List.of(MilestoneKind.APPLICATION, MilestoneKind.ADVISOR_REQUESTED, MilestoneKind.ADVISOR_ACCEPTED,
                    MilestoneKind.DISPATCH_DECIDED, MilestoneKind.ADVICE, MilestoneKind.REPORTED),
            Set.of(MilestoneKind.ADVICE));

    private final String label;
    private final List<MilestoneKind> sequence;
    private final Set<MilestoneKind> repeatable;

    Programme(String label, List<MilestoneKind> sequence, Set<MilestoneKind> repeatable) {
        this.label = label;
        this.sequence = sequence;
        this.repeatable = repeatable;
    }

    public String label() {
        return label;
    }

    /** The milestones in the order they must be held (or cancelled or skipped). */
    public List<MilestoneKind> sequence() {
        return sequence;
    }

    /** Kinds that may occur several times, numbered: ONLINE_SESSION_1, ADVICE_2 … */
    public Set<MilestoneKind> repeatable() {
        return repeatable;
    }

    public boolean allows(MilestoneKind kind) {
        return sequence.contains(kind) || repeatable.contains(kind);
    }

    /** Only 加速化 has the bureau-led / prefecture-led types. */
    public boolean hasTypes() {
        return this == KASOKUKA;
    }

    /** The milestone whose holding means the engagement's report has been presented, if the programme has one. */
    public MilestoneKind reportMilestone() {
        return switch (this) {
            case KASOKUKA -> MilestoneKind.REPORT_MEETING;
            case ADVISOR_DISPATCH -> MilestoneKind.REPORTED;
            default -> null;
        };
    }
}
