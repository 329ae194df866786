package casebook.kernel.engagement;

/** Kinds of milestone across the programmes' templates (DOMAIN.md §2.3, §2.9, §5.1). */
public enum MilestoneKind {
    /** 0.5mtg: kick-off before the first visit */
    M0_5("0.5mtg"),
    /** 現地支援1回目 (１回目支援) */
    VISIT_1("１回目支援"),
    /** 1.5mtg */
    M1_5("1.5mtg"),
    /** 現地支援2回目 */
    VISIT_2("２回目支援"),
    /** 2.5mtg */
    M2_5("2.5mtg"),
    /** 現地支援3回目 */
    VISIT_3("３回目支援"),
    /** 報告会 */
    REPORT_MEETING("報告会"),
    /** オンライン支援: between visits, numbered */
    ONLINE_SESSION("オンライン支援"),
    /** 支援 (厚生局独自): numbered sessions */
    SESSION("支援"),
    /** 申込 */
    APPLICATION("申込"),
    /** アドバイス依頼 */
    ADVISOR_REQUESTED("アドバイス依頼"),
    /** 承諾 */
    ADVISOR_ACCEPTED("承諾"),
    /** 決定 */
    DISPATCH_DECIDED("決定"),
    /** 助言等: numbered */
    ADVICE("助言等"),
    /** 報告 */
    REPORTED("報告");

    private final String label;

    MilestoneKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
