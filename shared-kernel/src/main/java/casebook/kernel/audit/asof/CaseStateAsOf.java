package casebook.kernel.audit.asof;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The case rebuilt from its own events only, answered with a {@link CaseState} (null for an unknown case).
 * {@code asOfRecorded}: as the system knew it at that instant (events recorded up to then). {@code asOfOccurred}: as
 * it stood on that business date (events whose {@code occurredOn} is on or before it, as known now; a correction
 * counts from its own {@code occurredOn}). Neither: as known now.
 */
public record CaseStateAsOf(String caseId, Instant asOfRecorded, LocalDate asOfOccurred) {
}
