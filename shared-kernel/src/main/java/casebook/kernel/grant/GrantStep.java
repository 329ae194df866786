package casebook.kernel.grant;

/** A step of a grant procedure (CONTRACT.md "Grant cases"), with the amount it records, if any. */
public enum GrantStep {
    /** 事前協議依頼 */
    PRECONSULTATION_REQUESTED("事前協議依頼", null),
    /** 事前協議書類の提出 */
    PRECONSULTATION_SUBMITTED("事前協議提出", AmountRole.REQUESTED),
    /** 内示 (交付額の調整・提示) */
    PROVISIONAL_NOTIFIED("内示", AmountRole.PROVISIONAL),
    /** 交付申請依頼 */
    APPLICATION_REQUESTED("交付申請依頼", null),
    /** 交付申請書類の提出 */
    APPLICATION_SUBMITTED("交付申請提出", AmountRole.REQUESTED),
    /** 審査 */
    REVIEWED("審査", null),
    /** 支出負担行為示達 (from head office) */
    EXPENDITURE_AUTHORITY_RECEIVED("支出負担行為示達", AmountRole.AUTHORISED),
    /** 交付決定決裁 */
    DECISION_APPROVED("交付決定決裁", AmountRole.DECIDED),
    /** 交付決定通知 */
    DECISION_NOTIFIED("交付決定通知", null),
    /** 支払い */
    PAID("支払", AmountRole.PAID),
    /** 実績報告依頼 (再確定に係る報告依頼) */
    REPORT_REQUESTED("実績報告依頼", null),
    /** 実績報告書類の提出 */
    REPORT_SUBMITTED("実績報告提出", AmountRole.REQUESTED),
    /** 交付額確定 */
    AMOUNT_CONFIRMED("交付額確定", AmountRole.CONFIRMED),
    /** 確定通知 */
    CONFIRMATION_NOTIFIED("確定通知", null),
    /** 返還命令 */
    REFUND_ORDERED("返還命令", AmountRole.REFUND_ORDERED),
    /** 返還金受領 */
    REFUND_RECEIVED("返還受領", AmountRole.REFUND_RECEIVED),
    /** 調査依頼 (調整交付金) */
    SURVEY_REQUESTED("調査依頼", null),
    /** 調査書類の提出 */
    SURVEY_SUBMITTED("調査提出", null),
    /** 調整交付金の算定・提示 */
    AMOUNT_CALCULATED("算定・提示", AmountRole.CALCULATED);

    private final String label;
    private final AmountRole amountRole;

    GrantStep(String label, AmountRole amountRole) {
        this.label = label;
        this.amountRole = amountRole;
    }

    public String label() {
        return label;
    }

    /** The amount this step records, or null if it records none. */
    public AmountRole amountRole() {
        return amountRole;
    }
}
