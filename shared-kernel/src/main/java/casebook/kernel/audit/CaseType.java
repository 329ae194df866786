package casebook.kernel.audit;

/** The kinds of case whose timelines auditors replay. */
public enum CaseType {
    /** 伴走支援案件 */
    SUPPORT_ENGAGEMENT
}
