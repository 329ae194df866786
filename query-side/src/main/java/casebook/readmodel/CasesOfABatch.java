package casebook.readmodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cases one batch of events touched: each is read once, changed in memory by every event of the batch, and
 * written once at the batch's end. Subclasses say how a case is read and how a changed one is written.
 *
 * <p>An event that fails part-way (a poison event, which the dead-letter queue then takes) must leave nothing
 * behind, while the same case's earlier events of the batch must still be written. So each case remembers the
 * events applied to it in this batch; when one fails, the case is read again and those events applied again,
 * which puts it back exactly as it stood before the failing event (the database does not change during the batch).
 *
 * @param <S> a stored case: its view plus the version it was read at
 */
public abstract class CasesOfABatch<S> implements BatchWrites.Pending {

    private final Map<String, S> loaded = new LinkedHashMap<>();
    private final Map<String, S> changed = new LinkedHashMap<>();
    private final Map<String, List<Runnable>> applied = new HashMap<>();
    private final Set<String> unrestored = new HashSet<>();

    /** The stored case, or null if the read model has none. */
    protected abstract S read(String id);

    /** A case seen for the first time in this read model. */
    protected abstract S empty();

    /** Writes one changed case (its bucket, row and document, in the order that is safe to repeat). */
    protected abstract void write(S stored);

    public S load(String id) {
        if (loaded.containsKey(id)) {
            return loaded.get(id);
        }
        S stored = read(id);
        loaded.put(id, stored);
        return stored;
    }

    public S fresh(String id) {
        S stored = empty();
        loaded.put(id, stored);
        return stored;
    }

    public void changed(String id, S stored) {
        changed.put(id, stored);
    }

    /**
     * Applies one event of case {@code caseId} ({@code event} does the loading and changing). If it throws, the case
     * is put back as it stood before the event and the exception goes on, to the dead-letter queue.
     */
    public void applyEvent(String caseId, Runnable event) {
        try {
            event.run();
        } catch (RuntimeException failure) {
            restore(caseId, failure);
            throw failure;
        }
        applied.computeIfAbsent(caseId, id -> new ArrayList<>()).add(event);
    }

    private void restore(String caseId, RuntimeException failure) {
        loaded.remove(caseId);
        changed.remove(caseId);
        try {
            for (Runnable earlier : applied.getOrDefault(caseId, List.of())) {
                earlier.run();
            }
        } catch (RuntimeException again) {
            // The database failed us now (the earlier events worked on the same data a moment ago): this case cannot
            // be written correctly in this batch, so the whole batch must fail and be retried (see flush).
            failure.addSuppressed(again);
            loaded.remove(caseId);
            changed.remove(caseId);
            unrestored.add(caseId);
        }
    }

    @Override
    public void flush() {
        if (!unrestored.isEmpty()) {
            throw new IllegalStateException("cases " + unrestored + " could not be put back after a failed event; "
                    + "the batch is retried");
        }
        changed.values().forEach(this::write);
        changed.clear();
        loaded.clear();
        applied.clear();
    }
}
