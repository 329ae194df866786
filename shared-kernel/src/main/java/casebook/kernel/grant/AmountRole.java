package casebook.kernel.grant;

/** The place of an amount in a procedure's amount trail (A3 of DOMAIN.md §6.3). */
public enum AmountRole {
    /** 申請額・協議額 */
    REQUESTED("申請額"),
    /** 内示額・提示額 */
    PROVISIONAL("内示額"),
    /** 示達額 */
    AUTHORISED("示達額"),
    /** 交付決定額 */
    DECIDED("交付決定額"),
    /** 支払額 */
    PAID("支払額"),
    /** 算定額 (調整交付金) */
    CALCULATED("算定額"),
    /** 確定額 */
    CONFIRMED("確定額"),
    /** 返還命令額 */
    REFUND_ORDERED("返還額"),
    /** 返還受領額 */
    REFUND_RECEIVED("返還受領額");

    private final String label;

    AmountRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
