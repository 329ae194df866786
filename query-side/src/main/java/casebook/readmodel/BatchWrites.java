package casebook.readmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Write-behind for the projections within one batch of events: each projection collects its changes in memory and
 * {@link EndOfBatch} writes them once, after the batch's last event. The write happens there, around the
 * processor's handling rather than inside a handler, for three reasons: Axon stores the processor's token in
 * prepare-commit (registered before the batch ran), so the writes must be done before the unit of work commits; a
 * failed write must fail the whole batch, which Axon then rolls back and retries, rather than be charged to the
 * event that happened to come last (the dead-letter queue would park that one event and the batch's other writes
 * would be lost); and the last event may not reach any handler at all, when it is parked behind a dead letter of
 * its case. Outside a batch (a dead letter being retried, tests, direct calls) every event is written at once.
 */
public final class BatchWrites {

    /** The resource under which a batch keeps its projections' pending changes, in the order they joined. */
    private static final String JOINED = BatchWrites.class.getName() + ".joined";

    /** Collected changes that can be written in one go. */
    public interface Pending {
        void flush();

        /** Called once, when the pending changes are created in a batch, with the batch's events (to read ahead). */
        default void batchStarts(List<? extends Message<?>> messages) {
        }

        /**
         * Called once, before {@link #batchStarts}, when the batch is a replay whose changes may be kept for later
         * batches ({@link ReplayCheckpoints}); {@code key} names the projection.
         */
        default void replaying(String key, SegmentReplay segment) {
        }
    }

    private BatchWrites() {
    }

    /** The pending changes of the current batch for {@code key}, created on first use; outside a batch a fresh one. */
    public static <T extends Pending> T pending(String key, Supplier<T> create) {
        BatchingUnitOfWork<?> batch = currentBatch();
        if (batch == null) {
            return create.get();
        }
        T pending = batch.getResource(key);
        if (pending == null) {
            pending = create.get();
            SegmentReplay replay = batch.getResource(ReplayCheckpoints.RESOURCE);
            if (replay != null) {
                pending.replaying(key, replay);
            }
            pending.batchStarts(batch.getMessages());
            batch.resources().put(key, pending);
            batch.<List<Pending>>getOrComputeResource(JOINED, j -> new ArrayList<>()).add(pending);
        }
        return pending;
    }

    /** Writes the pending changes now if there is no batch; in a batch {@link EndOfBatch} writes them. */
    public static void endOfEvent(Pending pending) {
        if (currentBatch() == null) {
            pending.flush();
        }
    }

    /** Writes every pending change of the batch: called by {@link EndOfBatch} after the batch's last event. */
    public static void flush(UnitOfWork<?> batch) {
        List<Pending> joined = batch.getResource(JOINED);
        if (joined == null) {
            return;
        }
        for (Pending pending : joined) {
            pending.flush();
        }
        joined.clear();
    }

    private static BatchingUnitOfWork<?> currentBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch ? batch : null;
    }
}
