package casebook.web.audit;

import casebook.kernel.audit.query.CaseTimeline;
import casebook.kernel.audit.query.TimelineEntry;
import casebook.kernel.consultation.query.ConsultationList;
import casebook.kernel.consultation.query.ConsultationSummary;
import casebook.kernel.engagement.query.EngagementSummary;
import casebook.kernel.engagement.query.ListEngagements;
import casebook.kernel.grant.query.GrantCaseSummary;
import casebook.kernel.grant.query.GrantWorklist;
import casebook.kernel.time.FiscalYear;
import casebook.web.QueryRunner;
import casebook.web.ReferenceParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The control report of a bureau and fiscal year, over engagements, grant cases and 個別協議. */
@RestController
@Tag(name = "Audit")
class ControlReportController {

    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put(ControlChecks.DECISION_AFTER_AUTHORITY, "交付決定決裁は支出負担行為示達の後");
        LABELS.put(ControlChecks.DECISION_WITHIN_AUTHORISED, "交付決定額は示達額以内");
        LABELS.put(ControlChecks.REVIEWER_NOT_APPROVER, "審査者と決裁者が別人");
        LABELS.put(ControlChecks.CORRECTIONS_WITH_REASON, "訂正には理由");
        LABELS.put(ControlChecks.MILESTONES_IN_ORDER, "マイルストーンは順序どおり（スキップは記録あり）");
    }

    private final QueryRunner queries;

    ControlReportController(QueryRunner queries) {
        this.queries = queries;
    }

    @GetMapping("/api/audit/controls")
    @Operation(summary = "Control report per bureau and fiscal year: 決裁 after 示達, decision ≤ authorised, reviewer ≠ approver, "
            + "corrections with a reason, milestones in order")
    Mono<ControlReport> controls(@RequestParam String bureau, @RequestParam int fiscalYear) {
        ReferenceParams.checkBureau(bureau);
        ReferenceParams.checkFiscalYear(fiscalYear);
        Mono<List<String>> engagements = queries.list(new ListEngagements(bureau, fiscalYear, null, null), EngagementSummary.class)
                .map(l -> l.stream().map(EngagementSummary::engagementId).toList());
        Mono<List<String>> grants = queries.list(new GrantWorklist(bureau, null, fiscalYear, null), GrantCaseSummary.class)
                .map(l -> l.stream().map(GrantCaseSummary::id).toList());
        Mono<List<String>> consultations = queries.list(new ConsultationList(bureau, fiscalYear), ConsultationSummary.class)
                .map(l -> l.stream().map(ConsultationSummary::id).toList());
        return Mono.zip(engagements, grants, consultations).flatMap(ids -> {
            List<String> all = new ArrayList<>(ids.getT1());
            all.addAll(ids.getT2());
            all.addAll(ids.getT3());
            ControlChecks checks = new ControlChecks();
            return Flux.fromIterable(all)
                    .concatMap(id -> queries.list(new CaseTimeline(id), TimelineEntry.class).doOnNext(t -> checks.check(id, t)))
                    .then(Mono.fromSupplier(() -> report(bureau, fiscalYear, all.size(), checks)));
        });
    }

    private static ControlReport report(String bureau, int fiscalYear, int cases, ControlChecks checks) {
        List<ControlReport.Control> controls = new ArrayList<>();
        LABELS.forEach((rule, label) -> {
            List<ControlReport.Violation> violations = checks.violations.getOrDefault(rule, List.of());
            int checked = checks.checked.getOrDefault(rule, new int[1])[0];
            controls.add(new ControlReport.Control(rule, label, checked, violations.isEmpty(), List.copyOf(violations)));
        });
        return new ControlReport(bureau, fiscalYear, new FiscalYear(fiscalYear).label(), cases,
                controls.stream().allMatch(ControlReport.Control::passed), controls);
    }
}
