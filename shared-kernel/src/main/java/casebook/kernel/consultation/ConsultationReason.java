package casebook.kernel.consultation;

/** Why the cap may be exceeded: "災害その他特別な事情がある場合" (DOMAIN.md §3.3.1). */
public enum ConsultationReason {
    /** 災害 */
    DISASTER("災害"),
    /** その他特別な事情 */
    SPECIAL_CIRCUMSTANCE("特別な事情"),
    /** その他 (the detail must say what) */
    OTHER("その他");

    private final String label;

    ConsultationReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
