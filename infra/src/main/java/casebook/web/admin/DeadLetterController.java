package casebook.web.admin;

import casebook.security.Actor;
import casebook.web.CommandDispatcher;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.concurrent.Callable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Dead letters of the projections (ADR 0008), for administrators: list, retry a processing group, evict one. */
@RestController
@RequestMapping("/api/admin/dead-letters")
@Tag(name = "Administration")
class DeadLetterController {

    private final DeadLetterAdmin admin;

    DeadLetterController(DeadLetterAdmin admin) {
        this.admin = admin;
    }

    record EvictionRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @GetMapping
    @Operation(summary = "Events a projection could not apply, per processing group, with the later events of their "
            + "cases parked behind them: case, event, error, times, failed retries (no payloads)")
    Mono<DeadLetterAdmin.DeadLetters> list() {
        return blocking(admin::list);
    }

    @PostMapping("/{processingGroup}/retry")
    @Operation(summary = "Handle the group's dead letters again, case by case in order; answers how many were "
            + "processed and how many cases still fail")
    Mono<DeadLetterAdmin.RetryOutcome> retry(@PathVariable String processingGroup) {
        return blocking(() -> admin.retry(processingGroup));
    }

    @PostMapping("/{processingGroup}/letters/{position}/eviction")
    @Operation(summary = "Remove one dead letter without handling it (the event stays in the log; the read model "
            + "never sees it), with a reason; written to the audit log")
    Mono<DeadLetterAdmin.Eviction> evict(@PathVariable String processingGroup, @PathVariable long position,
                                         @Valid @RequestBody EvictionRequest body) {
        return CommandDispatcher.currentActor().map(Actor::name)
                .flatMap(actor -> blocking(() -> admin.evict(processingGroup, position, body.reason(), actor)));
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
