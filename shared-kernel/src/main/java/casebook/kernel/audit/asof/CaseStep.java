package casebook.kernel.audit.asof;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One event of a case and what it changed in the case's view. {@code lateEntry}: recorded more than 7 days after
 * {@code occurredOn}; {@code corrects}: the sequence number a correction names (null for other events);
 * {@code correctedBy}: the sequence numbers of later corrections of this event; {@code changes}: the fields of the
 * view that differ before and after the event (dates as ISO strings).
 */
public record CaseStep(long seq, String type, String typeLabel, LocalDate occurredOn, Instant recordedAt, String actor,
                       boolean lateEntry, Long corrects, List<Long> correctedBy, List<FieldChange> changes) {
}
