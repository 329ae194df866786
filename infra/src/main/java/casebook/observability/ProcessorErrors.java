package casebook.observability;

import casebook.eventstore.MongoTokenStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts the batches a processor failed ({@code casebook.processor.errors}) and remembers that it is failing until
 * it stores a token again. Axon's pooled processor retries a failed batch with a growing back-off (up to a minute),
 * releasing and reclaiming the segment in between, so its own per-segment status comes and goes; a processor counts
 * as failing here from a failed batch until a later batch of it succeeds.
 * With several segments, any segment's success clears the state; the error counter still counts every failure.
 */
@Component
public class ProcessorErrors implements MongoTokenStore.ProgressListener {

    private static final Logger log = LoggerFactory.getLogger(ProcessorErrors.class);

    /** The latest failure of a processor that has not succeeded since. */
    public record Failure(Instant at, String error, String message, int consecutive) {
    }

    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, Failure> failing = new ConcurrentHashMap<>();

    public ProcessorErrors(MeterRegistry meters, MongoTokenStore tokens, Clock clock) {
        this.meters = meters;
        this.clock = clock;
        tokens.addListener(this);
    }

    /** The processors' error handler: count, remember, then propagate so that Axon retries the batch. */
    public ErrorHandler errorHandler() {
        return this::handleError;
    }

    private void handleError(ErrorContext context) throws Exception {
        failed(context.eventProcessor(), context.error(), context.failedEvents());
        PropagatingErrorHandler.INSTANCE.handleError(context);
    }

    void failed(String processor, Throwable error, List<? extends EventMessage<?>> events) {
        counter(processor).increment();
        Failure f = failing.merge(processor, new Failure(clock.instant(), error.getClass().getName(), error.getMessage(), 1),
                (old, now) -> new Failure(now.at(), now.error(), now.message(), old.consecutive() + 1));
        log.error("processor {} failed on a batch of {} events from position {} ({} in a row); Axon retries it: {}",
                processor, events.size(), firstPosition(events), f.consecutive(), error.toString());
    }

    private static String firstPosition(List<? extends EventMessage<?>> events) {
        if (!events.isEmpty() && events.get(0) instanceof TrackedEventMessage<?> t && t.trackingToken() != null) {
            return String.valueOf(t.trackingToken().position().orElse(-1));
        }
        return "?";
    }

    /** The errors counter of a processor (registered up front, so the series exists at 0). */
    public Counter counter(String processor) {
        return Counter.builder("casebook.processor.errors").description("Batches a streaming processor failed (each retry counts)")
                .tag("processor", processor).register(meters);
    }

    public Optional<Failure> failing(String processor) {
        return Optional.ofNullable(failing.get(processor));
    }

    @Override
    public void tokenStored(String processorName, int segment, TrackingToken token) {
        // A stored token is a batch that committed (or a reset): the processor is making progress again.
        if (failing.remove(processorName) != null) {
            log.info("processor {} is processing again", processorName);
        }
    }
}
