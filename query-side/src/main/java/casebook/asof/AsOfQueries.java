package casebook.asof;

import casebook.kernel.audit.CaseType;
import casebook.kernel.audit.asof.CaseState;
import casebook.kernel.audit.asof.CaseStateAsOf;
import casebook.kernel.audit.asof.CaseStep;
import casebook.kernel.audit.asof.CaseSteps;
import casebook.kernel.audit.asof.FieldChange;
import casebook.kernel.audit.asof.RecordedCaseEvent;
import casebook.kernel.time.BusinessCalendar;
import casebook.audittrail.CaseLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Time travel over one case: its state as of an instant or a business date, and the step-through of its events with
 * what each changed. Only the case's own events are loaded (from the event log, by the case's stream key), then folded in memory by
 * {@link CaseReplay} with the read models' appliers; the store is never replayed.
 */
public class AsOfQueries {

    private final CaseEvents cases;
    private final Clock clock;

    public AsOfQueries(CaseLog log) {
        this(log, Clock.systemUTC());
    }

    /** The clock gives "today" (Asia/Tokyo) for a grant case's step statuses when no date is asked for. */
    public AsOfQueries(CaseLog log, Clock clock) {
        this.cases = new CaseEvents(log);
        this.clock = clock;
    }

    /** The case as of the instant, the business date, or now; null for a case the log does not know. */
    @QueryHandler
    public CaseState state(CaseStateAsOf query) {
        List<AuditedEvent> audited = cases.load(query.caseId());
        if (audited.isEmpty()) {
            return null;
        }
        List<RecordedCaseEvent> events = audited.stream().map(AuditedEvent::recorded).toList();
        CaseType type = CaseReplay.caseTypeOf(events);
        return CaseReplay.state(query.caseId(), type, events, query.asOfRecorded(), query.asOfOccurred(),
                BusinessCalendar.today(clock));
    }

    /** Every event of the case in order with what it changed; empty for a case the log does not know. */
    @QueryHandler
    public List<CaseStep> steps(CaseSteps query) {
        List<AuditedEvent> audited = cases.load(query.caseId());
        if (audited.isEmpty()) {
            return List.of();
        }
        List<List<FieldChange>> changes = CaseReplay.changes(audited.stream().map(AuditedEvent::recorded).toList());
        List<CaseStep> steps = new ArrayList<>(audited.size());
        for (int i = 0; i < audited.size(); i++) {
            AuditedEvent e = audited.get(i);
            steps.add(new CaseStep(e.seq(), e.type(), e.typeLabel(), e.occurredOn(), e.recordedAt(), e.actor(),
                    e.lateEntry(), e.corrects(), e.correctedBy(), changes.get(i)));
        }
        return steps;
    }
}
