package casebook.web.audit;

import casebook.kernel.audit.query.CaseTimeline;
import casebook.kernel.audit.query.TimelineEntry;
import casebook.web.NotFound;
import casebook.web.QueryRunner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The audit trail of any case: every event in order, with who recorded it, when, and for which date. */
@RestController
@Tag(name = "Audit")
class AuditController {

    private final QueryRunner queries;

    AuditController(QueryRunner queries) {
        this.queries = queries;
    }

    @GetMapping("/api/cases/{id}/timeline")
    @Operation(summary = "Every event of the case in order: seq, type, occurredOn, recordedAt, actor, payload")
    Mono<List<TimelineEntry>> timeline(@PathVariable String id) {
        return queries.list(new CaseTimeline(id), TimelineEntry.class)
                .filter(entries -> !entries.isEmpty())
                .switchIfEmpty(Mono.error(new NotFound("case " + id)));
    }
}
