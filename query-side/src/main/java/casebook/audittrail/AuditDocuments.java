package casebook.audittrail;

/**
 * Shape of {@code audit_cases} ({@code _id} caseId): each case's type, bureau and names from its opening event, and
 * {@code lastSeq}, the last event the audit trail has seen. The events themselves are read from the log (ADR 0014).
 */
final class AuditDocuments {

    static final String CASES = "audit_cases";
    /**
     * The copy of every event that versions before ADR 0014 kept; nothing reads or writes it now, and a rebuild of
     * the audit trail drops it (DEPLOYMENT.md, section 9).
     */
    static final String RETIRED_EVENTS = "audit_events";

    private AuditDocuments() {
    }
}
