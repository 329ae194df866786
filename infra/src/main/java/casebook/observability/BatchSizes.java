package casebook.observability;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Records how many events each batch of a processor holds ({@code casebook.processor.batch.events}). A batch pays
 * a token write, a read of its cases and a write of each changed one whatever its size, so a processor catching up
 * in batches of a few events is slow for that reason alone (ADR 0019); live processors see batches of one or two.
 */
public final class BatchSizes implements MessageHandlerInterceptor<EventMessage<?>> {

    private final DistributionSummary events;

    public BatchSizes(MeterRegistry meters, String processor) {
        this.events = DistributionSummary.builder("casebook.processor.batch.events")
                .description("Events in one batch (unit of work) of a processor's segment")
                .baseUnit("events").tag("processor", processor).register(meters);
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.root() instanceof BatchingUnitOfWork<?> batch && batch.isFirstMessage()) {
            events.record(batch.getMessages().size());
        }
        return chain.proceed();
    }
}
