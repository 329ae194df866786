package casebook.observability;

import casebook.kernel.DomainRejection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.ExecutionResult;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.stereotype.Component;

/**
 * {@code casebook.commands}: every command handled, timed by command name and outcome. The timer starts when the
 * command bus hands the command to its handler and stops when the unit of work is cleaned up, so it includes
 * loading the case, the decision, and the commit that appends and makes the events durable (a conflict found at
 * append time is a {@code conflict}). Queueing before the bus and the wait for projections are not included; the
 * HTTP timer ({@code http.server.requests}) has those.
 * <p>
 * The interceptor is registered here rather than declared as a bean, so that Axon's auto-configuration does not
 * register it a second time.
 */
@Component
class CommandMetrics {

    /** Buckets for latency quantiles in Prometheus: ten per command and outcome instead of a full histogram. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5)};

    private final MeterRegistry meters;

    CommandMetrics(CommandBus commandBus, MeterRegistry meters) {
        this.meters = meters;
        commandBus.registerHandlerInterceptor(this::time);
    }

    private Object time(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        long start = System.nanoTime();
        String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
        unitOfWork.onCleanup(u -> timer(command, outcome(u)).record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        return chain.proceed();
    }

    static String outcome(UnitOfWork<?> unitOfWork) {
        ExecutionResult result = unitOfWork.getExecutionResult();
        Throwable failure = result != null && result.isExceptionResult() ? result.getExceptionResult() : null;
        if (failure == null) {
            return unitOfWork.isRolledBack() ? "error" : "success";
        }
        if (failure instanceof DomainRejection) {
            return "rejected";
        }
        if (failure instanceof ConflictingAggregateVersionException || failure instanceof ConcurrencyException) {
            return "conflict";
        }
        if (failure instanceof AggregateNotFoundException) {
            return "not_found";
        }
        return "error";
    }

    private Timer timer(String command, String outcome) {
        return Timer.builder("casebook.commands").description("Commands handled: load, decide, append, durable")
                .tag("command", command).tag("outcome", outcome).serviceLevelObjectives(BUCKETS).register(meters);
    }
}
