package casebook.web.engagement;

import casebook.kernel.engagement.EngagementStatus;
import casebook.kernel.engagement.Programme;
import casebook.kernel.engagement.query.EngagementSummary;
import casebook.kernel.engagement.query.EngagementView;
import casebook.kernel.engagement.query.FindEngagement;
import casebook.kernel.engagement.query.HomeworkView;
import casebook.kernel.engagement.query.ListEngagements;
import casebook.kernel.engagement.query.MatrixView;
import casebook.kernel.engagement.query.MilestoneMatrix;
import casebook.kernel.engagement.query.OpenHomework;
import casebook.web.NotFound;
import casebook.web.QueryRunner;
import casebook.web.ReferenceParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Progress views for case officers: list, detail, the milestone matrix and open homework. */
@RestController
@Tag(name = "Progress views")
class EngagementQueryController {

    private final QueryRunner queries;

    EngagementQueryController(QueryRunner queries) {
        this.queries = queries;
    }

    @GetMapping("/api/engagements")
    @Operation(summary = "Engagements with their status and next milestone")
    Mono<List<EngagementSummary>> list(@RequestParam(required = false) String bureau,
                                       @RequestParam(required = false) Integer fiscalYear,
                                       @RequestParam(required = false) Programme programme,
                                       @RequestParam(required = false) EngagementStatus status) {
        ReferenceParams.checkBureau(bureau);
        ReferenceParams.checkFiscalYear(fiscalYear);
        return queries.list(new ListEngagements(bureau, fiscalYear, programme, status), EngagementSummary.class);
    }

    @GetMapping("/api/engagements/{id}")
    @Operation(summary = "One engagement with milestones, advisors, decisions and homework; ETag is its version")
    Mono<ResponseEntity<EngagementView>> one(@PathVariable String id) {
        return queries.one(new FindEngagement(id), EngagementView.class)
                .switchIfEmpty(Mono.error(new NotFound("engagement " + id)))
                .map(v -> ResponseEntity.ok().eTag("\"" + v.version() + "\"").body(v));
    }

    @GetMapping("/api/progress/matrix")
    @Operation(summary = "Milestone matrix per bureau and fiscal year (rows municipalities, columns milestones)")
    Mono<MatrixView> matrix(@RequestParam String bureau, @RequestParam Integer fiscalYear,
                            @RequestParam(defaultValue = "KASOKUKA") Programme programme) {
        ReferenceParams.checkBureau(bureau);
        ReferenceParams.checkFiscalYear(fiscalYear);
        return queries.one(new MilestoneMatrix(bureau, fiscalYear, programme), MatrixView.class);
    }

    @GetMapping("/api/homework")
    @Operation(summary = "Open homework items, with the milestone they are due before")
    Mono<List<HomeworkView>> openHomework(@RequestParam(required = false) String bureau,
                                          @RequestParam(required = false) Integer fiscalYear) {
        ReferenceParams.checkBureau(bureau);
        ReferenceParams.checkFiscalYear(fiscalYear);
        return queries.list(new OpenHomework(bureau, fiscalYear), HomeworkView.class);
    }
}
