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
 */
public final class EndOfBatch implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        if (unitOfWork.root() instanceof BatchingUnitOfWork<?> batch && batch.isLastMessage()) {
            BatchWrites.flush(batch);
        }
        return result;
    }
}
