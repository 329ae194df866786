package casebook.asof;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.audit.CaseType;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * Reads one case's events from the audit trail by _id only: the case's {@code lastSeq} in {@code audit_cases}, then
 * {@code audit_events} by {@code $in} over {@code "<caseId>:<10-digit seq>"} in batches, never a scan of the store.
 * Each payload is turned back into its kernel event class (named by {@code type}) through Jackson.
 */
final class AuditEvents {

    static final String EVENTS = "audit_events";
    static final String CASES = "audit_cases";
    /** $in costs grow with the square of the id count on the embedded server; 100 stays near 1-4 ms. */
    static final int BATCH = 100;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** What {@code audit_cases} says of a case. */
    record Head(String caseId, CaseType caseType, long lastSeq) {
    }

    /** About 1-2 KB per decoded event: 20,000 events keep the cases in use for some 30 MB of heap. */
    private static final int CACHED_EVENTS = 20_000;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> cases;
    private final LoadedCases loaded = new LoadedCases(CACHED_EVENTS);

    AuditEvents(MongoDatabase db) {
        this.events = db.getCollection(EVENTS);
        this.cases = db.getCollection(CASES);
    }

    static String id(String caseId, long seq) {
        return caseId + ":" + String.format("%010d", seq);
    }

    /** Null for a case the audit trail does not know. */
    Head head(String caseId) {
        if (caseId == null || caseId.isBlank()) {
            return null;
        }
        Document d = cases.find(new Document("_id", caseId)).limit(1).first();
        if (d == null || d.get("lastSeq") == null) {
            return null;
        }
        String type = d.getString("caseType");
        return new Head(caseId, type == null ? null : CaseType.valueOf(type), d.get("lastSeq", Number.class).longValue());
    }

    /**
     * Every event of the case in sequence order. A case read before is served from memory when the trail's
     * {@code lastSeq} has not moved, and topped up with only the new events when it has, unless one of them is a
     * correction (which marks {@code correctedBy} on an earlier document: then the case is read again whole). The
     * audit trail marks corrections before it moves {@code lastSeq}, so a {@code lastSeq} seen here always comes with
     * its corrections; a lower {@code lastSeq} than remembered (a rebuild under way) reads the case again.
     */
    List<AuditedEvent> load(Head head) {
        LoadedCases.Loaded known = loaded.get(head.caseId());
        if (known != null && known.lastSeq() == head.lastSeq()) {
            return known.events();
        }
        List<AuditedEvent> events;
        if (known != null && known.lastSeq() < head.lastSeq()) {
            List<AuditedEvent> newer = read(head, known.lastSeq() + 1);
            boolean correction = newer.stream().anyMatch(e -> e.corrects() != null);
            boolean whole = newer.size() == head.lastSeq() - known.lastSeq();
            if (correction || !whole) {
                events = read(head, 0);
            } else {
                events = new ArrayList<>(known.events());
                events.addAll(newer);
            }
        } else {
            events = read(head, 0);
        }
        List<AuditedEvent> result = List.copyOf(events);
        loaded.put(head.caseId(), new LoadedCases.Loaded(head.lastSeq(), result));
        return result;
    }

    private List<AuditedEvent> read(Head head, long first) {
        List<AuditedEvent> found = new ArrayList<>();
        for (long from = first; from <= head.lastSeq(); from += BATCH) {
            List<String> ids = LongStream.rangeClosed(from, Math.min(from + BATCH - 1, head.lastSeq()))
                    .mapToObj(seq -> id(head.caseId(), seq)).toList();
            for (Document d : events.find(Filters.in("_id", ids)).batchSize(BATCH)) {
                found.add(audited(d));
            }
        }
        found.sort(Comparator.comparingLong(AuditedEvent::seq));
        return found;
    }

    static AuditedEvent audited(Document d) {
        String occurredOn = d.getString("occurredOn");
        Date recordedAt = d.getDate("recordedAt");
        String type = d.getString("type");
        List<Long> correctedBy = new ArrayList<>();
        for (Object seq : d.getList("correctedBy", Object.class, List.of())) {
            correctedBy.add(((Number) seq).longValue());
        }
        correctedBy.sort(Comparator.naturalOrder());
        return new AuditedEvent(d.get("seq", Number.class).longValue(), type, d.getString("typeLabel"),
                occurredOn == null ? null : LocalDate.parse(occurredOn),
                recordedAt == null ? null : recordedAt.toInstant(), d.getString("actor"),
                d.getBoolean("lateEntry", false), List.copyOf(correctedBy),
                payload(type, d.get("payload", Document.class)));
    }

    /** The kernel event the audit document recorded; an event type this build does not know cannot be replayed. */
    static CaseEvent payload(String type, Map<String, Object> payload) {
        Class<? extends CaseEvent> cls = EventTypes.named(type)
                .orElseThrow(() -> new IllegalStateException("cannot replay an event of unknown type " + type));
        if (payload == null) {
            throw new IllegalStateException("the audit trail holds no payload for a " + type);
        }
        return MAPPER.convertValue(plain(payload), cls);
    }

    /** BSON values Jackson does not know (Decimal128, ObjectId, Date) as plain Java ones. */
    private static Object plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(AuditEvents::plain).toList();
        }
        if (value instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        if (value instanceof ObjectId o) {
            return o.toHexString();
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        return value;
    }
}
