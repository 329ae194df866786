package casebook.web.engagement;

import casebook.kernel.engagement.Programme;
import casebook.kernel.engagement.query.MatrixRow;
import casebook.kernel.engagement.query.MatrixView;
import casebook.kernel.engagement.query.MilestoneMatrix;
import casebook.web.ReferenceParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * The milestone matrix, live: server-sent events from an Axon subscription query. The first event
 * ({@code matrix}) is the whole matrix; every later one ({@code row}) is one engagement's row, sent once the
 * projection has committed it. A comment every 20 s keeps proxies from closing an idle stream, and the
 * stream ends after a while so that connections are recycled; the browser's EventSource reconnects by itself
 * and gets the whole matrix again.
 */
@RestController
@Tag(name = "Progress views")
class LiveMatrixController implements ApplicationListener<ContextClosedEvent> {

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    private final QueryGateway queryGateway;
    private final Duration lifetime;
    /** Completes when Casebook stops: open streams end at once instead of holding up the graceful shutdown. */
    private final Sinks.Empty<Void> stopping = Sinks.empty();

    LiveMatrixController(QueryGateway queryGateway,
                         @Value("${casebook.live.stream-lifetime:10m}") Duration lifetime) {
        this.queryGateway = queryGateway;
        this.lifetime = lifetime;
    }

    @GetMapping(path = "/api/progress/matrix/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The milestone matrix as server-sent events: event 'matrix' first, then 'row' per change")
    Flux<ServerSentEvent<Object>> stream(@RequestParam String bureau, @RequestParam Integer fiscalYear,
                                         @RequestParam(defaultValue = "KASOKUKA") Programme programme) {
        ReferenceParams.checkBureau(bureau);
        ReferenceParams.checkFiscalYear(fiscalYear);
        MilestoneMatrix query = new MilestoneMatrix(bureau, fiscalYear, programme);
        return Flux.using(
                        () -> queryGateway.subscriptionQuery(query, ResponseTypes.instanceOf(MatrixView.class),
                                ResponseTypes.instanceOf(MatrixRow.class)),
                        LiveMatrixController::events,
                        SubscriptionQueryResult::close)
                .take(lifetime)
                .takeUntilOther(stopping.asMono())
                // the first answer reads the database with the blocking driver: off the event loop
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        stopping.tryEmitEmpty();
    }

    private static Flux<ServerSentEvent<Object>> events(SubscriptionQueryResult<MatrixView, MatrixRow> result) {
        Flux<ServerSentEvent<Object>> first = result.initialResult()
                .map(view -> ServerSentEvent.<Object>builder(view).event("matrix").build()).flux();
        Flux<ServerSentEvent<Object>> rows = result.updates()
                .map(row -> ServerSentEvent.<Object>builder(row).event("row").id(row.engagementId()).build());
        Flux<ServerSentEvent<Object>> keepAlive = Flux.interval(KEEP_ALIVE)
                .map(tick -> ServerSentEvent.builder().comment("keep-alive").build());
        return first.concatWith(Flux.merge(rows, keepAlive));
    }
}
