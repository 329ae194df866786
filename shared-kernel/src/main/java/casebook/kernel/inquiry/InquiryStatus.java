package casebook.kernel.inquiry;

/** Where an inquiry (疑義照会) stands (DOMAIN.md §5.3). */
public enum InquiryStatus {
    /** 受付 */
    RECEIVED("受付"),
    /** 担当決定 */
    ASSIGNED("担当決定"),
    /** 本省照会中 */
    ESCALATED("本省照会中"),
    /** 回答済 */
    ANSWERED("回答済"),
    /** 完了 */
    CLOSED("完了");

    private final String label;

    InquiryStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
