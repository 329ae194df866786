package casebook.kernel.audit.asof;

import casebook.kernel.audit.CaseEvent;
import java.time.Instant;

/**
 * One event of a case as the event store holds it: the payload, its sequence number within the case (from 0), and
 * when it was recorded. What the read models' appliers are replayed from when a case is rebuilt in memory.
 */
public record RecordedCaseEvent(CaseEvent event, long seq, Instant recordedAt) {
}
