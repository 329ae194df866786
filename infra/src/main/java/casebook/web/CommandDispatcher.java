package casebook.web;

import casebook.axon.ExpectedVersionTargetResolver;
import casebook.axon.ProjectionBarrier;
import casebook.cluster.Instances;
import casebook.eventstore.AppendReceipt;
import casebook.kernel.DomainRejection;
import casebook.kernel.audit.MetaDataKeys;
import casebook.security.Actor;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends a command on behalf of the signed-in actor: who, their role and bureau, and a correlation id go
 * into the metadata that Axon copies onto every event; {@code If-Match} becomes the expected version.
 * Command handling and the MongoDB driver block, so they run off the event loop.
 */
@Component
public class CommandDispatcher {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    private final CommandGateway commandGateway;
    private final ProjectionBarrier projections;
    private final Cache aggregateCache;
    private final Instances instances;

    public CommandDispatcher(CommandGateway commandGateway, ProjectionBarrier projections, Cache aggregateCache,
                             Instances instances) {
        this.commandGateway = commandGateway;
        this.projections = projections;
        this.aggregateCache = aggregateCache;
        this.instances = instances;
    }

    /** The signed-in actor, for commands that record who reviewed or approved (never taken from a body). */
    public static Mono<Actor> currentActor() {
        return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication).map(Actor::of);
    }

    /** Sends the command and answers with the case's id and new version. */
    public Mono<CommandResult> send(Object command, String caseId, ServerWebExchange exchange) {
        return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication).map(Actor::of)
                .flatMap(actor -> Mono.fromCallable(() -> dispatch(command, caseId, metaData(actor, exchange.getRequest())))
                        .subscribeOn(Schedulers.boundedElastic()));
    }

    private CommandResult dispatch(Object command, String caseId, MetaData metaData) {
        AppendReceipt.take(); // forget anything an earlier task left on this pooled thread
        // Only another instance can make this instance's cached case older than the log.
        boolean mayBeStale = caseId != null && aggregateCache.containsKey(caseId) && instances.live().size() > 1;
        try {
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        } catch (RuntimeException e) {
            if (caseId == null || !(causedBy(e, ConcurrencyException.class, ConflictingAggregateVersionException.class)
                    || mayBeStale && causedBy(e, DomainRejection.class))) {
                throw e;
            }
            // This instance's cached case may be older than the log: another instance sharing the database wrote
            // to it since. Either its append was refused (the stream key) or the case refused the command in a state
            // it no longer has; neither stored anything, and Axon has evicted the case. Once more from the log, and a
            // real conflict or refusal is answered as before (409 with the current version, or the problem). A
            // refusal is retried only while other instances are live, so that alone it is handled, and counted, once.
            aggregateCache.remove(caseId);
            AppendReceipt.take();
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        }
        AppendReceipt receipt = AppendReceipt.take();
        if (receipt == null) {
            throw new IllegalStateException("the command stored no event");
        }
        projections.awaitProjections(receipt.aggregateId(), receipt.globalSequence());
        return CommandResult.of(caseId, receipt.sequenceNumber());
    }

    private static boolean causedBy(Throwable e, Class<?>... types) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (Class<?> type : types) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static MetaData metaData(Actor actor, ServerHttpRequest request) {
        Map<String, Object> m = new HashMap<>();
        m.put(MetaDataKeys.ACTOR, actor.name());
        m.put(MetaDataKeys.ACTOR_ROLE, actor.role().name());
        m.put(MetaDataKeys.ACTOR_BUREAU, actor.bureau());
        String correlation = request.getHeaders().getFirst(CORRELATION_HEADER);
        m.put(MetaDataKeys.CORRELATION_ID, correlation != null && correlation.matches("[A-Za-z0-9._:-]{1,100}")
                ? correlation : UUID.randomUUID().toString());
        Long expected = IfMatch.parse(request.getHeaders().getFirst("If-Match"));
        if (expected != null) {
            m.put(ExpectedVersionTargetResolver.EXPECTED_VERSION, expected);
        }
        return MetaData.from(m);
    }
}
