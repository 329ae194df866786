package casebook.kernel.engagement;

/** How a milestone is held. */
public enum MeetingMode {
    /** 現地 */
    ONSITE,
    /** オンライン */
    ONLINE,
    /** ハイブリッド */
    HYBRID
}
