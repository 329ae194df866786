package casebook.testing;

import casebook.readmodel.EndOfBatch;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;

/**
 * Hands events to projections as a pooled processor with a dead-letter queue does: one batch, {@link EndOfBatch}
 * around each event, and an event whose handler throws set aside (the dead-letter queue takes it) while the batch
 * goes on.
 */
public final class Batch {

    private Batch() {
    }

    /** Runs one batch; answers the events that failed. A failure of the batch itself (a write) fails the test. */
    public static List<EventMessage<?>> run(List<? extends EventMessage<?>> events, EventMessageHandler... handlers) {
        List<EventMessage<?>> failed = new ArrayList<>();
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(new ArrayList<EventMessage<?>>(events));
        ResultMessage<Object> result = batch.executeWithResult(() -> new EndOfBatch().handle(batch, () -> {
            EventMessage<?> event = batch.getMessage();
            try {
                for (EventMessageHandler handler : handlers) {
                    handler.handle(event);
                }
            } catch (Exception e) {
                failed.add(event);
            }
            return null;
        }));
        if (result.isExceptional()) {
            throw new AssertionError("the batch failed", result.exceptionResult());
        }
        return failed;
    }
}
