package casebook.audittrail;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.audit.CaseType;
import casebook.kernel.audit.query.TimelineEntry;
import casebook.kernel.time.BusinessCalendar;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Shapes of {@code audit_events} (one immutable document per event, {@code _id "<caseId>:0000000012"}) and
 * {@code audit_cases} ({@code _id} caseId, with {@code lastSeq} so a timeline is read by _id only).
 */
final class AuditDocuments {

    static final String EVENTS = "audit_events";
    static final String CASES = "audit_cases";
    /** Entries recorded more than this many days after the business date are flagged as late. */
    static final int LATE_AFTER_DAYS = 7;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private AuditDocuments() {
    }

    /** Zero-padded so that ids of one case sort in sequence order as strings too. */
    static String id(String caseId, long seq) {
        return caseId + ":" + String.format("%010d", seq);
    }

    static Document event(CaseEvent event, long seq, Instant recordedAt, String actor, String actorRole,
                          String correlationId) {
        String type = event.getClass().getSimpleName();
        CaseType caseType = EventLabels.caseType(event);
        return new Document("_id", id(event.caseId(), seq))
                .append("caseId", event.caseId())
                .append("caseType", caseType == null ? null : caseType.name())
                .append("seq", seq)
                .append("type", type)
                .append("typeLabel", EventLabels.label(event))
                .append("occurredOn", event.occurredOn() == null ? null : event.occurredOn().toString())
                .append("recordedAt", recordedAt == null ? null : Date.from(recordedAt))
                .append("actor", actor)
                .append("actorRole", actorRole)
                .append("correlationId", correlationId)
                .append("payload", new Document(MAPPER.convertValue(event, MAP)))
                .append("correctedBy", List.of())
                .append("lateEntry", late(event.occurredOn(), recordedAt));
    }

    static boolean late(LocalDate occurredOn, Instant recordedAt) {
        return occurredOn != null && recordedAt != null
                && recordedAt.atZone(BusinessCalendar.TOKYO).toLocalDate().isAfter(occurredOn.plusDays(LATE_AFTER_DAYS));
    }

    static TimelineEntry entry(Document d) {
        String caseType = d.getString("caseType");
        String occurredOn = d.getString("occurredOn");
        Date recordedAt = d.getDate("recordedAt");
        return new TimelineEntry(d.getString("caseId"), caseType == null ? null : CaseType.valueOf(caseType),
                d.getLong("seq"), d.getString("type"), d.getString("typeLabel"),
                occurredOn == null ? null : LocalDate.parse(occurredOn),
                recordedAt == null ? null : recordedAt.toInstant(),
                d.getString("actor"), d.getString("actorRole"), d.getString("correlationId"),
                d.get("payload", Document.class),
                d.getList("correctedBy", Long.class, List.of()).stream().sorted().toList(),
                d.getBoolean("lateEntry", false));
    }
}
