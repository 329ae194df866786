package casebook.kernel.consultation;

/** Where an individual consultation (個別協議) stands (DOMAIN.md §5.2). */
public enum ConsultationStatus {
    /** 協議書作成中 */
    OPENED("作成中"),
    /** 都道府県経由で提出 */
    SUBMITTED("提出済"),
    /** 厚生局審査済 */
    REVIEWED("審査済"),
    /** 承認 */
    APPROVED("承認"),
    /** 不承認 */
    REJECTED("不承認");

    private final String label;

    ConsultationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Approval and rejection are final. */
    public boolean decided() {
        return this == APPROVED || this == REJECTED;
    }
}
