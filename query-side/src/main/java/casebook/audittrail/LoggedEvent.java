package casebook.audittrail;

import casebook.kernel.audit.CaseEvent;
import java.time.Instant;

/**
 * One stored event of a case: the event, when it was recorded and by whom (from its metadata), and its place in the
 * case's hash chain ({@code prevHash} is the previous event's {@code hash}; ADR 0006).
 */
public record LoggedEvent(long seq, CaseEvent event, Instant recordedAt, String actor, String actorRole,
                          String correlationId, String hash, String prevHash) {
}
