package casebook.web.audit;

import casebook.kernel.audit.query.CaseTimeline;
import casebook.kernel.audit.query.TimelineEntry;
import casebook.eventstore.ChainReport;
import casebook.eventstore.MongoEventStorageEngine;
import casebook.operations.StoreVerification;
import casebook.web.CommandDispatcher;
import casebook.web.NotFound;
import casebook.web.QueryRunner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The audit trail of any case: every event in order, with who recorded it, when, and for which date. */
@RestController
@Tag(name = "Audit")
class AuditController {

    private final QueryRunner queries;
    private final MongoEventStorageEngine eventStore;
    private final StoreVerification storeVerification;
    private final BureauReport bureauReport;

    AuditController(QueryRunner queries, MongoEventStorageEngine eventStore, StoreVerification storeVerification,
                    BureauReport bureauReport) {
        this.queries = queries;
        this.eventStore = eventStore;
        this.storeVerification = storeVerification;
        this.bureauReport = bureauReport;
    }

    @GetMapping("/api/audit/verify")
    @Operation(summary = "Re-compute the hash chains (of one case, or of the whole store with its case-head digests) and "
            + "name every case and position that does not match")
    Mono<ChainReport> verify(@RequestParam(required = false) String caseId) {
        if (caseId == null) {
            // The whole store takes a while: listed with its progress at /api/admin/operations while it runs.
            // An officer or supervisor learns whether the store is intact, and names only in their own bureau.
            return CommandDispatcher.currentActor().publishOn(Schedulers.boundedElastic())
                    .map(actor -> bureauReport.forReader(storeVerification.verifyNow(actor.name()), actor));
        }
        return Mono.fromCallable(() -> {
            ChainReport report = eventStore.verify(caseId);
            if (report.casesChecked() == 0) {
                throw new NotFound("case " + caseId);
            }
            return report;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/api/cases/{id}/timeline")
    @Operation(summary = "Every event of the case in order: seq, type, occurredOn, recordedAt, actor, payload")
    Mono<List<TimelineEntry>> timeline(@PathVariable String id) {
        return queries.list(new CaseTimeline(id), TimelineEntry.class)
                .filter(entries -> !entries.isEmpty())
                .switchIfEmpty(Mono.error(new NotFound("case " + id)));
    }
}
