package casebook.asof;

import casebook.grantwork.GrantCaseReplay;
import casebook.inquiries.ConsultationReplay;
import casebook.inquiries.InquiryReplay;
import casebook.kernel.audit.CaseEvent;
import casebook.kernel.audit.CaseType;
import casebook.kernel.audit.asof.CaseState;
import casebook.kernel.audit.asof.FieldChange;
import casebook.kernel.audit.asof.RecordedCaseEvent;
import casebook.kernel.consultation.event.IndividualConsultationOpened;
import casebook.kernel.engagement.event.EngagementRegistered;
import casebook.kernel.grant.event.GrantCaseOpened;
import casebook.kernel.grant.event.GrantProcedureOpened;
import casebook.kernel.grant.event.GrantRecordCorrected;
import casebook.kernel.grant.event.GrantStepRecorded;
import casebook.kernel.inquiry.event.InquiryReceived;
import casebook.kernel.time.BusinessCalendar;
import casebook.progress.EngagementReplay;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Rebuilds one case in memory from its own events, with the same appliers the projections use (engagement →
 * EngagementView, grant case → GrantCaseView, inquiry → InquiryView, consultation → ConsultationView). Nothing here
 * reads or writes MongoDB: the caller hands over the case's events in sequence order.
 *
 * <p>Two filters pick the events: {@link #recordedBy} (as the system knew the case at an instant) and
 * {@link #occurredBy} (as the case stood on a business date, as known now).
 */
public final class CaseReplay {

    private CaseReplay() {
    }

    /** The kind of case an event belongs to, by its package (each aggregate's events have their own). */
    public static CaseType caseTypeOf(CaseEvent event) {
        Package p = event == null ? null : event.getClass().getPackage();
        if (p == null) {
            return null;
        }
        if (p == EngagementRegistered.class.getPackage()) {
            return CaseType.SUPPORT_ENGAGEMENT;
        }
        if (p == GrantCaseOpened.class.getPackage()) {
            return CaseType.GRANT_CASE;
        }
        if (p == InquiryReceived.class.getPackage()) {
            return CaseType.INQUIRY;
        }
        return p == IndividualConsultationOpened.class.getPackage() ? CaseType.CONSULTATION : null;
    }

    /** The kind of case of the first event that has one. */
    public static CaseType caseTypeOf(List<RecordedCaseEvent> events) {
        return events.stream().map(e -> caseTypeOf(e.event())).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** The events recorded at or before the instant: what the system knew then. */
    public static List<RecordedCaseEvent> recordedBy(List<RecordedCaseEvent> events, Instant instant) {
        return events.stream().filter(e -> e.recordedAt() != null && !e.recordedAt().isAfter(instant)).toList();
    }

    /**
     * The events that had happened by the end of the business date, as known now: those whose {@code occurredOn} is
     * on or before it (a correction from its own {@code occurredOn}, so a back-dated correction shows as such).
     * Containers follow what they hold: when facts dated on or before the date were entered into a case (or a grant
     * procedure) that was itself opened in the system later, its opening is kept too, since the case stood with
     * those facts on that date. An event without {@code occurredOn} counts from the day it was recorded.
     */
    public static List<RecordedCaseEvent> occurredBy(List<RecordedCaseEvent> events, LocalDate date) {
        Set<RecordedCaseEvent> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        for (RecordedCaseEvent e : events) {
            LocalDate on = businessDate(e);
            if (on != null && !on.isAfter(date)) {
                kept.add(e);
            }
        }
        if (!kept.isEmpty()) {
            List<String> procedures = kept.stream().map(e -> procedureOf(e.event())).filter(Objects::nonNull).toList();
            for (RecordedCaseEvent e : events) {
                if (opensCase(e.event())
                        || e.event() instanceof GrantProcedureOpened p && procedures.contains(p.procedureId())) {
                    kept.add(e);
                }
            }
        }
        return events.stream().filter(kept::contains).toList();
    }

    /** The case's view after these events, as the read model stores it (nothing that depends on the day). */
    public static Object replay(List<RecordedCaseEvent> events) {
        Fold fold = fold(caseTypeOf(events));
        if (fold == null) {
            return null;
        }
        events.forEach(e -> fold.apply(e));
        return fold.view();
    }

    /**
     * The case as of an instant, a business date, or (neither) now, from all of its events: the view as the case's
     * own endpoint shows it, on the day it is taken at (a grant step's status and overdue are those of that day).
     */
    public static CaseState state(String caseId, CaseType caseType, List<RecordedCaseEvent> events,
                                  Instant asOfRecorded, LocalDate asOfOccurred, LocalDate today) {
        CaseType type = caseType != null ? caseType : caseTypeOf(events);
        List<RecordedCaseEvent> chosen = events;
        if (asOfRecorded != null) {
            chosen = recordedBy(chosen, asOfRecorded);
        }
        if (asOfOccurred != null) {
            chosen = occurredBy(chosen, asOfOccurred);
        }
        LocalDate day = asOfOccurred != null ? asOfOccurred
                : asOfRecorded != null ? asOfRecorded.atZone(BusinessCalendar.TOKYO).toLocalDate() : today;
        Fold fold = fold(type);
        int applied = 0;
        Long lastSeq = null;
        if (fold != null) {
            for (RecordedCaseEvent e : chosen) {
                if (fold.apply(e)) {
                    applied++;
                    lastSeq = e.seq();
                }
            }
        }
        return new CaseState(caseId, type, asOfRecorded, asOfOccurred, applied, lastSeq,
                fold == null ? null : fold.viewOn(day));
    }

    /**
     * For each event in turn, what it changed in the case's view (as stored, so that only the events' own effects
     * show, not the passing of days): a field-level diff of the view before and after it.
     */
    public static List<List<FieldChange>> changes(List<RecordedCaseEvent> events) {
        Fold fold = fold(caseTypeOf(events));
        List<List<FieldChange>> changes = new ArrayList<>(events.size());
        JsonNode before = null;
        for (RecordedCaseEvent e : events) {
            if (fold == null || !fold.apply(e)) {
                changes.add(List.of());
                continue;
            }
            JsonNode after = ViewDiff.tree(fold.view());
            changes.add(ViewDiff.diffTrees(before, after));
            before = after;
        }
        return changes;
    }

    private static LocalDate businessDate(RecordedCaseEvent e) {
        if (e.event() != null && e.event().occurredOn() != null) {
            return e.event().occurredOn();
        }
        return e.recordedAt() == null ? null : e.recordedAt().atZone(BusinessCalendar.TOKYO).toLocalDate();
    }

    private static boolean opensCase(CaseEvent event) {
        return event instanceof EngagementRegistered || event instanceof GrantCaseOpened
                || event instanceof InquiryReceived || event instanceof IndividualConsultationOpened;
    }

    private static String procedureOf(CaseEvent event) {
        if (event instanceof GrantStepRecorded s) {
            return s.procedureId();
        }
        return event instanceof GrantRecordCorrected c ? c.procedureId() : null;
    }

    /** One case folded by its read model's applier. */
    private interface Fold {
        boolean apply(CaseEvent event, long seq, Instant recordedAt);

        Object view();

        default Object viewOn(LocalDate day) {
            return view();
        }

        default boolean apply(RecordedCaseEvent e) {
            return apply(e.event(), e.seq(), e.recordedAt());
        }
    }

    private static Fold fold(CaseType type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case SUPPORT_ENGAGEMENT -> {
                EngagementReplay r = new EngagementReplay();
                yield new Fold() {
                    public boolean apply(CaseEvent event, long seq, Instant recordedAt) {
                        return r.apply(event, seq, recordedAt);
                    }

                    public Object view() {
                        return r.view();
                    }
                };
            }
            case GRANT_CASE -> {
                GrantCaseReplay r = new GrantCaseReplay();
                yield new Fold() {
                    public boolean apply(CaseEvent event, long seq, Instant recordedAt) {
                        return r.apply(event, seq, recordedAt);
                    }

                    public Object view() {
                        return r.view();
                    }

                    public Object viewOn(LocalDate day) {
                        return r.viewOn(day);
                    }
                };
            }
            case INQUIRY -> {
                InquiryReplay r = new InquiryReplay();
                yield new Fold() {
                    public boolean apply(CaseEvent event, long seq, Instant recordedAt) {
                        return r.apply(event, seq, recordedAt);
                    }

                    public Object view() {
                        return r.view();
                    }
                };
            }
            case CONSULTATION -> {
                ConsultationReplay r = new ConsultationReplay();
                yield new Fold() {
                    public boolean apply(CaseEvent event, long seq, Instant recordedAt) {
                        return r.apply(event, seq, recordedAt);
                    }

                    public Object view() {
                        return r.view();
                    }
                };
            }
        };
    }
}
