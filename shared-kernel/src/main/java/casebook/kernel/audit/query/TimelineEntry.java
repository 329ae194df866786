package casebook.kernel.audit.query;

import casebook.kernel.audit.CaseType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One event of a case for auditors: when it happened ({@code occurredOn}) and when it was recorded, by whom,
 * its payload, the sequence numbers of later corrections, whether it was entered more than 7 days late, and its
 * place in the case's hash chain ({@code prevHash} is the previous event's {@code hash}), as stored in the event log.
 */
public record TimelineEntry(String caseId, CaseType caseType, long seq, String type, String typeLabel,
                            LocalDate occurredOn, Instant recordedAt, String actor, String actorRole,
                            String correlationId, Map<String, Object> payload, List<Long> correctedBy,
                            boolean lateEntry, String hash, String prevHash) {
}
