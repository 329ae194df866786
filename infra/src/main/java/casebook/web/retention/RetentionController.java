package casebook.web.retention;

import casebook.kernel.consultation.query.ConsultationList;
import casebook.kernel.consultation.query.ConsultationSummary;
import casebook.kernel.engagement.query.EngagementSummary;
import casebook.kernel.engagement.query.ListEngagements;
import casebook.kernel.grant.query.GrantCaseSummary;
import casebook.kernel.grant.query.GrantWorklist;
import casebook.kernel.inquiry.query.InquiryInbox;
import casebook.kernel.inquiry.query.InquirySummary;
import casebook.kernel.time.BusinessCalendar;
import casebook.kernel.time.FiscalYear;
import casebook.web.NotFound;
import casebook.web.QueryRunner;
import casebook.web.ReferenceParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Retention (保存期間) of a case, and the closed cases of a bureau due for review. */
@RestController
@Tag(name = "Audit")
class RetentionController {

    private final QueryRunner queries;
    private final CaseRetention retention;
    private final Clock clock;

    RetentionController(QueryRunner queries, CaseRetention retention, Clock clock) {
        this.queries = queries;
        this.retention = retention;
        this.clock = clock;
    }

    /** By default a case is due for review when its period ends within the current fiscal year. */
    private LocalDate defaultReviewBy() {
        return FiscalYear.of(BusinessCalendar.today(clock)).lastDay();
    }

    @GetMapping("/api/cases/{id}/retention")
    @Operation(summary = "The retention class of a case, when it closed and until when its records are kept")
    Mono<RetentionStatus> one(@PathVariable String id) {
        return retention.of(id, defaultReviewBy()).switchIfEmpty(Mono.error(new NotFound("case " + id)));
    }

    @GetMapping("/api/audit/retention")
    @Operation(summary = "Closed cases of a bureau whose retention ends by dueBy (default: the end of this fiscal year)")
    Mono<List<RetentionStatus>> due(@RequestParam String bureau,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBy) {
        ReferenceParams.checkBureau(bureau);
        LocalDate reviewBy = dueBy != null ? dueBy : defaultReviewBy();
        Mono<List<String>> ids = Mono.zip(
                queries.list(new ListEngagements(bureau, null, null, null), EngagementSummary.class),
                queries.list(new GrantWorklist(bureau, null, null, null), GrantCaseSummary.class),
                queries.list(new InquiryInbox(bureau, true), InquirySummary.class),
                queries.list(new ConsultationList(bureau, null), ConsultationSummary.class)).map(t -> {
                    List<String> all = new ArrayList<>();
                    t.getT1().forEach(e -> all.add(e.engagementId()));
                    t.getT2().forEach(g -> all.add(g.id()));
                    t.getT3().forEach(i -> all.add(i.id()));
                    t.getT4().forEach(c -> all.add(c.id()));
                    return all;
                });
        return ids.flatMapMany(Flux::fromIterable)
                .concatMap(id -> retention.of(id, reviewBy))
                .filter(RetentionStatus::dueForReview)
                .collectSortedList(Comparator.comparing(RetentionStatus::retainUntil));
    }
}
