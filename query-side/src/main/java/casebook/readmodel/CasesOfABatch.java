package casebook.readmodel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cases one batch of events touched: each is read once, changed in memory by every event of the batch, and
 * written once at the batch's end. Subclasses say how a case is read and how a changed one is written.
 *
 * @param <S> a stored case: its view plus the version it was read at
 */
public abstract class CasesOfABatch<S> implements BatchWrites.Pending {

    private final Map<String, S> loaded = new LinkedHashMap<>();
    private final Map<String, S> changed = new LinkedHashMap<>();

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

    @Override
    public void flush() {
        changed.values().forEach(this::write);
        changed.clear();
        loaded.clear();
    }
}
