package casebook.readmodel;

import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Write-behind for a projection within one batch of events: changes are collected in memory and written
 * once, when the handler sees the batch's last event. Writing at the last event (not in a commit
 * callback) keeps the order right: Axon stores the processor's token in prepare-commit, which it
 * registered before the batch ran, so a callback of ours would run after the token and a failed write
 * could lose events. Outside a batch (tests, direct calls) every event is written at once.
 */
public final class BatchWrites {

    /** Collected changes that can be written in one go. */
    public interface Pending {
        void flush();
    }

    private BatchWrites() {
    }

    /** The pending changes of the current batch for {@code key}, created on first use. */
    public static <T extends Pending> T pending(String key, Supplier<T> create) {
        if (!CurrentUnitOfWork.isStarted()) {
            return create.get();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(key, k -> create.get());
    }

    /** Writes the pending changes if this was the batch's last event (or there is no batch). */
    public static void endOfEvent(Pending pending) {
        if (!CurrentUnitOfWork.isStarted()) {
            pending.flush();
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (!(root instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
            pending.flush();
            root.resources().values().remove(pending);
        }
    }
}
