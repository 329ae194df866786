package casebook.kernel.engagement;

/** Where an engagement stands (DOMAIN.md §5.1). */
public enum EngagementStatus {
    /** 候補 */
    CANDIDATE("候補"),
    /** エントリー受付 */
    ENTRY_SUBMITTED("エントリー"),
    /** 選定 */
    SELECTED("選定"),
    /** 支援チーム編成 (an advisor is assigned) */
    TEAM_FORMED("支援チーム編成"),
    /** 支援中 (a milestone has been held) */
    IN_SUPPORT("支援中"),
    /** 支援完了 (every support milestone held, cancelled or skipped) */
    SUPPORT_COMPLETED("支援完了"),
    /** 報告済 */
    REPORTED("報告済"),
    /** 終了 */
    CLOSED("終了"),
    /** 不選定 */
    NOT_SELECTED("不選定"),
    /** 辞退 */
    WITHDRAWN("辞退");

    private final String label;

    EngagementStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean terminal() {
        return this == CLOSED || this == NOT_SELECTED || this == WITHDRAWN;
    }
}
