package casebook.testing;

import casebook.readmodel.EndOfBatch;
import casebook.readmodel.ReplayCheckpoints;
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
        return run(new BatchingUnitOfWork<>(new ArrayList<EventMessage<?>>(events)), new EndOfBatch(), handlers);
    }

    /**
     * Runs one batch of {@code processor}'s segment 0 with replay checkpoints, as the configured processors run
     * (tracked events, so that a replay's changes may be kept between batches).
     */
    public static List<EventMessage<?>> runInSegment(ReplayCheckpoints checkpoints, String processor,
                                                     List<? extends EventMessage<?>> events,
                                                     EventMessageHandler... handlers) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(new ArrayList<EventMessage<?>>(events));
        batch.resources().put("Processor[" + processor + "]/SegmentId", 0);
        return run(batch, new EndOfBatch(checkpoints), handlers);
    }

    private static List<EventMessage<?>> run(BatchingUnitOfWork<EventMessage<?>> batch, EndOfBatch endOfBatch,
                                             EventMessageHandler... handlers) {
        List<EventMessage<?>> failed = new ArrayList<>();
        ResultMessage<Object> result = batch.executeWithResult(() -> endOfBatch.handle(batch, () -> {
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
