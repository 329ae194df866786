package casebook.kernel.consultation;

/** What a consultation is linked to: the grant case it affects or the support engagement that followed it up. */
public enum LinkKind {
    /** 交付案件 */
    GRANT_CASE,
    /** 伴走支援案件 */
    ENGAGEMENT
}
