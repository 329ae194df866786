package casebook.web.grant;

import casebook.kernel.InvalidInput;
import casebook.kernel.grant.GrantStep;
import casebook.kernel.grant.GrantType;
import casebook.kernel.grant.query.DeadlineBoard;
import casebook.kernel.grant.query.DeadlineItem;
import casebook.kernel.grant.query.FindGrantCase;
import casebook.kernel.grant.query.GrantCaseSummary;
import casebook.kernel.grant.query.GrantCaseView;
import casebook.kernel.grant.query.GrantWorklist;
import casebook.kernel.grant.query.PendingApproval;
import casebook.kernel.grant.query.PendingApprovals;
import casebook.kernel.time.BusinessCalendar;
import casebook.web.NotFound;
import casebook.web.QueryRunner;
import casebook.web.ReferenceParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Grant views: one case with its amount trail, the worklist, the deadline board and pending approvals. */
@RestController
@Tag(name = "Grant cases (交付案件)")
class GrantQueryController {

    private final QueryRunner queries;
    private final Clock clock;

    GrantQueryController(QueryRunner queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/grant-cases/{id}")
    @Operation(summary = "One grant case with its procedures, steps (planned and recorded) and amount trail; ETag is its version")
    Mono<ResponseEntity<GrantCaseView>> one(@PathVariable String id) {
        return queries.one(new FindGrantCase(id), GrantCaseView.class)
                .switchIfEmpty(Mono.error(new NotFound("grant case " + id)))
                .map(v -> ResponseEntity.ok().eTag("\"" + v.version() + "\"").body(v));
    }

    @GetMapping("/api/grant-cases")
    @Operation(summary = "Grant worklist: what each case is waiting for (submission, review, 内示, 示達, 決裁, notice, payment, report, 確定)")
    Mono<List<GrantCaseSummary>> worklist(@RequestParam(required = false) String bureau,
                                          @RequestParam(required = false) GrantType grantType,
                                          @RequestParam(required = false) Integer targetFiscalYear,
                                          @RequestParam(required = false) GrantStep waitingFor) {
        ReferenceParams.checkBureau(bureau);
        ReferenceParams.checkFiscalYear("targetFiscalYear", targetFiscalYear);
        return queries.list(new GrantWorklist(bureau, grantType, targetFiscalYear, waitingFor), GrantCaseSummary.class);
    }

    @GetMapping("/api/grants/deadlines")
    @Operation(summary = "Deadline board: every planned step due in [from, to] with received/outstanding per recipient; overdue by today in Asia/Tokyo")
    Mono<List<DeadlineItem>> deadlines(@RequestParam(required = false) String bureau,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        ReferenceParams.checkBureau(bureau);
        LocalDate today = BusinessCalendar.today(clock);
        LocalDate start = from != null ? from : today.minusMonths(3);
        LocalDate end = to != null ? to : today.plusMonths(3);
        if (end.isBefore(start)) {
            throw new InvalidInput("to", "to must not be before from");
        }
        if (start.plusYears(3).isBefore(end)) {
            throw new InvalidInput("to", "the board covers at most three years at a time");
        }
        return queries.list(new DeadlineBoard(bureau, start, end), DeadlineItem.class);
    }

    @GetMapping("/api/grants/pending-approvals")
    @Operation(summary = "For supervisors: procedures whose 支出負担行為示達 has arrived but whose 交付決定決裁 has not been recorded")
    Mono<List<PendingApproval>> pendingApprovals(@RequestParam(required = false) String bureau) {
        ReferenceParams.checkBureau(bureau);
        return queries.list(new PendingApprovals(bureau), PendingApproval.class);
    }
}
