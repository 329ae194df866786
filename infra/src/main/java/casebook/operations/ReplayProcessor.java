package casebook.operations;

import casebook.eventstore.MongoTokenStore;
import casebook.observability.BatchSizes;
import casebook.readmodel.EndOfBatch;
import casebook.readmodel.ReplayCheckpoints;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;

/**
 * The processor a full rebuild replays the log through (docs/adr/0021): one pooled processor named
 * {@value #NAME} whose handlers are those of every projection processor, the same invokers (with their dead-letter
 * queues and sequencing; each asked through {@link KnownHandlers}, which remembers what cannot change), so that each
 * event of the log is dispatched, batched and checkpointed once instead of once per read model. It exists only while
 * a full rebuild runs, on the instance that runs it, and is never started while the projection processors run: the
 * same handlers would then apply an event twice.
 * <p>
 * Built like the projection processors (application.yml, casebook.axon.AxonConfiguration): the same source, token
 * store, batch size, segments and error handling, and the projections' end-of-batch writes ({@link EndOfBatch}),
 * which keep a replay's cases between batches and write them at checkpoints (ADR 0020).
 */
final class ReplayProcessor implements AutoCloseable {

    static final String NAME = "casebook.replay";

    /** What the processor is made of, besides the projection processors' handlers. */
    record Parts(StreamableMessageSource<TrackedEventMessage<?>> source, MongoTokenStore tokens,
                 TransactionManager transactions, ErrorHandler errors, List<CorrelationDataProvider> correlation,
                 ReplayCheckpoints checkpoints, MeterRegistry meters, int batchSize, long claimIntervalMillis) {
    }

    private final PooledStreamingEventProcessor processor;
    private final ScheduledExecutorService coordinator;
    private final ScheduledExecutorService workers;

    /**
     * @param projections the projection processors, stopped; their handlers are borrowed, not copied
     * @param segments    how many segments the processor's tokens have (one worker thread each, like theirs)
     */
    ReplayProcessor(List<AbstractEventProcessor> projections, Parts parts, int segments) {
        this.coordinator = new ScheduledThreadPoolExecutor(1, new AxonThreadFactory("Coordinator[" + NAME + "]"));
        this.workers = new ScheduledThreadPoolExecutor(Math.max(1, segments), new AxonThreadFactory("WorkPackage[" + NAME + "]"));
        this.processor = PooledStreamingEventProcessor.builder()
                .name(NAME)
                .eventHandlerInvoker(handlersOf(projections.stream().map(AbstractEventProcessor::eventHandlerInvoker).toList()))
                .errorHandler(parts.errors())
                .messageSource(parts.source())
                .tokenStore(parts.tokens())
                .transactionManager(parts.transactions())
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(segments)
                .batchSize(parts.batchSize())
                .tokenClaimInterval(parts.claimIntervalMillis())
                .claimExtensionThreshold(Math.max(100, parts.tokens().claimTimeout().toMillis() / 10))
                .build();
        processor.registerHandlerInterceptor(new CorrelationDataInterceptor<>(parts.correlation()));
        processor.registerHandlerInterceptor(new BatchSizes(parts.meters(), NAME));
        processor.registerHandlerInterceptor(new EndOfBatch(parts.checkpoints()));
    }

    /**
     * The projection processors' handlers as the replay asks them. A processor's invoker is Axon's
     * {@link MultiEventHandlerInvoker} around the processing group's own (with its dead-letter queue), and a
     * multi-invoker asks each of its own, for every event it is offered, whether it supports a reset (a walk of the
     * handlers' annotations each time: 8 % of a rebuild's allocation). So each of those is asked through
     * {@link KnownHandlers} itself, in one multi-invoker: Axon flattens nested multi-invokers the same way.
     */
    static EventHandlerInvoker handlersOf(List<EventHandlerInvoker> projections) {
        return new KnownHandlers(new MultiEventHandlerInvoker(projections.stream()
                .flatMap(i -> i instanceof MultiEventHandlerInvoker multi ? multi.delegates().stream() : Stream.of(i))
                .<EventHandlerInvoker>map(KnownHandlers::new).toList()));
    }

    void start() {
        processor.start();
    }

    boolean isRunning() {
        return processor.isRunning();
    }

    /** Stops it and waits: its work packages finish or abandon their batches and release their segments. */
    void stop(long timeoutSeconds) throws Exception {
        processor.shutdownAsync().get(timeoutSeconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        try {
            stop(60);
        } finally {
            coordinator.shutdownNow();
            workers.shutdownNow();
        }
    }
}
