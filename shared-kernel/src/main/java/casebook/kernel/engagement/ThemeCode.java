package casebook.kernel.engagement;

/** The controlled list of support themes: the support package's ten themes plus those the rosters use. */
public enum ThemeCode {
    CARE_PREVENTION_MANAGEMENT("介護予防ケアマネジメント"),
    SERVICE_ACTIVITY("サービス・活動事業"),
    PRIVATE_SERVICES("民間活用サービス"),
    RESIDENT_LED_SERVICES("住民主体サービス"),
    SHORT_TERM_INTENSIVE("短期集中予防サービス"),
    MOBILITY_SUPPORT("移動支援サービス"),
    GATHERING_PLACES("通いの場"),
    LIVING_SUPPORT_SYSTEM("生活支援体制整備事業"),
    DEMENTIA("認知症施策"),
    COMMUNITY_CARE_MEETING("地域ケア会議"),
    CROSS_MINISTRY("他省庁との連動"),
    COMPREHENSIVE_PROGRAMME_REVIEW("総合事業の見直し・検証"),
    CAP_OVERRUN("上限超過の改善・フォローアップ"),
    CARE_PREVENTION("介護予防の推進"),
    HOME_CARE_COORDINATION("在宅医療・介護連携"),
    HOUSING_SUPPORT("居住支援"),
    MULTI_LAYERED_SUPPORT("重層的支援体制整備事業"),
    DISASTER_RECOVERY("震災復興"),
    IN_HOUSE_LIAISON("地域ケア庁内連絡会"),
    GENERAL("地域包括ケア全般"),
    OTHER("その他");

    private final String label;

    ThemeCode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
