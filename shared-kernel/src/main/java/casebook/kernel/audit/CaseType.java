package casebook.kernel.audit;

/** The kinds of case whose timelines auditors replay. */
public enum CaseType {
    /** 伴走支援案件 */
    SUPPORT_ENGAGEMENT,
    /** 交付案件 */
    GRANT_CASE,
    /** 疑義照会 */
    INQUIRY,
    /** 個別協議 (上限超過) */
    CONSULTATION
}
