package casebook.audittrail;

import java.util.List;

/**
 * The event log of one case as it is stored: what the audit trail and the as-of replay read. The event store is the
 * record auditors rely on, so they read it itself rather than a copy that could lag behind it or differ from it
 * (ADR 0014). Implemented on the event store in infra; read by the case's stream key, never by a range.
 */
public interface CaseLog {

    /** The case's events from {@code fromSeq} on, in sequence order; empty when it has none there. */
    List<LoggedEvent> read(String caseId, long fromSeq);
}
