package casebook.kernel.engagement;

/** 加速化's two types (FY2025 on). */
public enum EngagementType {
    /** 厚生局主導型 */
    BUREAU_LED("厚生局主導型"),
    /** 都道府県主導型 */
    PREFECTURE_LED("都道府県主導型");

    private final String label;

    EngagementType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
