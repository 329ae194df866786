package casebook.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gauges per streaming processor, read from {@link ProcessorProgress} at scrape time: position, lag in events and
 * in seconds, running and failing (1/0), plus the head of the log. Registered once the application has started,
 * when Axon has built its processors. Every instance reports the same position and lag (they come from the token
 * store): take the max per processor across instances.
 */
@Component
class StreamingProcessorMetrics {

    private final MeterRegistry meters;
    private final ProcessorProgress progress;
    private final ProcessorErrors errors;

    StreamingProcessorMetrics(MeterRegistry meters, ProcessorProgress progress, ProcessorErrors errors) {
        this.meters = meters;
        this.progress = progress;
        this.errors = errors;
    }

    @EventListener(ApplicationStartedEvent.class)
    void register() {
        Gauge.builder("casebook.events.head", progress, p -> p.positions().values().stream().mapToLong(
                        ProcessorProgress.Position::head).max().orElse(0))
                .description("Highest global sequence number handed out (the head of the event log)").register(meters);
        for (String name : progress.processorNames()) {
            gauge("casebook.processor.position", name, null, "Global position the processor has handled (least advanced segment)",
                    p -> p.position());
            gauge("casebook.processor.lag.events", name, "events", "Head of the log minus the processor's position",
                    p -> p.lagEvents());
            gauge("casebook.processor.lag", name, "seconds", "Age of the oldest event the processor has not handled; 0 when caught up",
                    p -> p.lagSeconds());
            gauge("casebook.processor.replaying", name, null, "1 while the processor replays after a reset (a rebuild)",
                    p -> p.replaying() ? 1 : 0);
            Gauge.builder("casebook.processor.running", progress, p -> p.processor(name).map(s -> s.isRunning() ? 1 : 0).orElse(0))
                    .description("1 while the processor runs on this instance").tag("processor", name).strongReference(true)
                    .register(meters);
            Gauge.builder("casebook.processor.failing", errors, e -> e.failing(name).isPresent() ? 1 : 0)
                    .description("1 from a failed batch until the processor succeeds again (on this instance)")
                    .tag("processor", name).strongReference(true).register(meters);
            errors.counter(name);
        }
    }

    private void gauge(String metric, String processor, String unit, String description,
                       ToDoubleFunction<ProcessorProgress.Position> value) {
        Gauge.builder(metric, progress, p -> {
                    ProcessorProgress.Position position = p.positions().get(processor);
                    return position == null ? Double.NaN : value.applyAsDouble(position);
                })
                .description(description).baseUnit(unit).tag("processor", processor).strongReference(true).register(meters);
    }
}
