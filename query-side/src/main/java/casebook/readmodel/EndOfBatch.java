package casebook.readmodel;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Registered on every projection's event processor, around its handlers (and around the dead-letter queue): once
 * the batch's last event has been handled, dead-lettered or parked, writes what the projections collected. A
 * failing write escapes to the processor, which rolls the batch back and retries it (see {@link BatchWrites}).
 * During a replay the changed cases are kept for later batches instead ({@link ReplayCheckpoints}).
 */
public final class EndOfBatch implements MessageHandlerInterceptor<EventMessage<?>> {

    private final ReplayCheckpoints checkpoints;

    /** Every batch written at its end, a replay's too. */
    public EndOfBatch() {
        this(ReplayCheckpoints.off());
    }

    public EndOfBatch(ReplayCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        BatchingUnitOfWork<?> batch = unitOfWork.root() instanceof BatchingUnitOfWork<?> b ? b : null;
        if (batch != null && batch.isFirstMessage()) {
            checkpoints.begin(batch);
        }
        Object result = chain.proceed();
        if (batch != null && batch.isLastMessage()) {
            BatchWrites.flush(batch);
            checkpoints.end(batch);
        }
        return result;
    }
}
