package casebook.audittrail;

import casebook.kernel.audit.query.CaseTimeline;
import casebook.kernel.audit.query.TimelineEntry;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;

/** Answers a case's timeline from the event log itself, read by the case's stream key (ADR 0014). */
public class AuditTrailQueries {

    private final CaseLog log;

    public AuditTrailQueries(CaseLog log) {
        this.log = log;
    }

    /** Every event of the case in sequence order; empty for an unknown case. */
    @QueryHandler
    public List<TimelineEntry> timeline(CaseTimeline query) {
        if (query.caseId() == null || query.caseId().isBlank()) {
            return List.of();
        }
        return Timelines.of(query.caseId(), log.read(query.caseId(), 0));
    }
}
