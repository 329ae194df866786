package casebook.kernel.inquiry;

/** How the inquiry reached the bureau. */
public enum InquiryChannel {
    /** メール */
    EMAIL("メール"),
    /** 電話 */
    PHONE("電話"),
    /** 文書 */
    DOCUMENT("文書"),
    /** 会議・打合せ */
    MEETING("会議"),
    /** その他 */
    OTHER("その他");

    private final String label;

    InquiryChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
