package casebook.operations;

import casebook.kernel.StateConflict;
import casebook.security.Actor;
import casebook.web.CommandDispatcher;
import casebook.web.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The administrator's long operations (ADMIN only, docs/SECURITY.md): list them with their progress, and start a
 * projection rebuild or a whole-store verification. Starting answers 202 at once with the operation; its progress
 * is then in the list and in the log.
 */
@RestController
@Tag(name = "Administration")
class OperationsController {

    private final Operations operations;
    private final ProjectionRebuild rebuild;
    private final StoreVerification verification;

    OperationsController(Operations operations, ProjectionRebuild rebuild, StoreVerification verification) {
        this.operations = operations;
        this.rebuild = rebuild;
        this.verification = verification;
    }

    @GetMapping("/api/admin/operations")
    @Operation(summary = "Long operations of this instance, running and recent, newest first: state, processed of total, "
            + "rate per second, seconds left, start and end, error, result")
    List<OperationProgress.View> list() {
        return operations.list();
    }

    @PostMapping("/api/admin/operations/rebuild/{processingGroup}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild a projection (casebook.progress, casebook.grantwork, casebook.inquiries, casebook.audittrail): "
            + "empty its read model and replay every event; 404 for an unknown processing group, 409 if it is being rebuilt")
    Mono<OperationProgress.View> rebuild(@PathVariable String processingGroup) {
        return actor().publishOn(Schedulers.boundedElastic()).map(actor -> {
            try {
                return rebuild.start(processingGroup, actor).orElseThrow(() -> new NotFound("processing group " + processingGroup))
                        .view();
            } catch (IllegalStateException | IllegalArgumentException e) {
                throw new StateConflict(e.getMessage());
            }
        });
    }

    @PostMapping("/api/admin/operations/verify")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Verify every hash chain and case-head digest of the store in the background (as GET /api/audit/verify "
            + "without caseId); the report is the operation's result; 409 if one is running")
    Mono<OperationProgress.View> verify() {
        return actor().publishOn(Schedulers.boundedElastic()).map(actor -> verification.start(actor)
                .orElseThrow(() -> new StateConflict("a whole-store verification is already running")).view());
    }

    private static Mono<String> actor() {
        return CommandDispatcher.currentActor().map(Actor::name);
    }
}
