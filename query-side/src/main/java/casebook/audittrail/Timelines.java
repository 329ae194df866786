package casebook.audittrail;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.audit.CaseType;
import casebook.kernel.audit.query.TimelineEntry;
import casebook.kernel.engagement.event.EngagementRecordCorrected;
import casebook.kernel.grant.event.GrantRecordCorrected;
import casebook.kernel.time.BusinessCalendar;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Turns a case's logged events into its timeline: the Japanese label of each, whether it was entered late, and
 * which later corrections name it. All of that follows from the events alone, so it is worked out when the timeline
 * is read; nothing about an event is ever written after it.
 */
public final class Timelines {

    /** Entries recorded more than this many days after the business date are flagged as late. */
    public static final int LATE_AFTER_DAYS = 7;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private Timelines() {
    }

    /** The timeline of the case whose events these are, in their order. */
    static List<TimelineEntry> of(String caseId, List<LoggedEvent> events) {
        Map<Long, List<Long>> correctedBy = correctedBy(events, LoggedEvent::seq, LoggedEvent::event);
        List<TimelineEntry> entries = new ArrayList<>(events.size());
        for (LoggedEvent e : events) {
            CaseEvent event = e.event();
            CaseType caseType = EventLabels.caseType(event);
            entries.add(new TimelineEntry(caseId, caseType, e.seq(), event.getClass().getSimpleName(),
                    EventLabels.label(event), event.occurredOn(), e.recordedAt(), e.actor(), e.actorRole(),
                    e.correlationId(), MAPPER.convertValue(event, MAP),
                    correctedBy.getOrDefault(e.seq(), List.of()), late(event.occurredOn(), e.recordedAt()),
                    e.hash(), e.prevHash()));
        }
        return entries;
    }

    /** For each corrected event's sequence number, the corrections among these events that name it, in order. */
    public static <T> Map<Long, List<Long>> correctedBy(List<T> events, ToLongFunction<T> seq, Function<T, CaseEvent> event) {
        Map<Long, List<Long>> by = new HashMap<>();
        for (T e : events) {
            Long corrected = corrects(event.apply(e));
            if (corrected != null) {
                by.computeIfAbsent(corrected, k -> new ArrayList<>()).add(seq.applyAsLong(e));
            }
        }
        return by;
    }

    /** The sequence number a correction names; null for any other event. */
    public static Long corrects(CaseEvent event) {
        if (event instanceof EngagementRecordCorrected c) {
            return c.correctsEvent();
        }
        return event instanceof GrantRecordCorrected g ? Long.valueOf(g.correctsEvent()) : null;
    }

    /** Recorded more than {@value #LATE_AFTER_DAYS} days (Asia/Tokyo) after the business date it names. */
    public static boolean late(LocalDate occurredOn, Instant recordedAt) {
        return occurredOn != null && recordedAt != null
                && recordedAt.atZone(BusinessCalendar.TOKYO).toLocalDate().isAfter(occurredOn.plusDays(LATE_AFTER_DAYS));
    }

    /** The Japanese label auditors read for the event. */
    public static String label(CaseEvent event) {
        return EventLabels.label(event);
    }
}
