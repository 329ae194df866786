package casebook.readmodel;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The cases one projection changed in one segment during a replay and has not written yet, least recently used
 * first. Every case here is newer than its document, so a batch must take it from here, not from the database.
 *
 * @param <S> a stored case, as {@link CasesOfABatch} keeps it
 */
final class KeptCases<S> {

    /** Cases per write at a checkpoint. */
    static final int WRITE_SLICE = 100;

    private final LinkedHashMap<String, S> cases = new LinkedHashMap<>(64, 0.75f, true);
    private final int capacity;
    /** Writes cases as the projection's batch would; set by the latest batch (the writer holds no batch state). */
    private Consumer<List<S>> writer;

    KeptCases(int capacity, Consumer<List<S>> writer) {
        this.capacity = capacity;
        this.writer = writer;
    }

    void writer(Consumer<List<S>> writer) {
        this.writer = writer;
    }

    S get(String id) {
        return cases.get(id);
    }

    boolean contains(String id) {
        return cases.containsKey(id);
    }

    int size() {
        return cases.size();
    }

    /** Keeps the changed cases; answers those pushed out (least recently used), which the caller must write now. */
    List<S> keep(Map<String, S> changed) {
        cases.putAll(changed);
        List<S> out = new ArrayList<>();
        Iterator<S> eldest = cases.values().iterator();
        while (cases.size() > capacity && eldest.hasNext()) {
            out.add(eldest.next());
            eldest.remove();
        }
        return out;
    }

    /**
     * Writes every kept case and forgets them: a checkpoint, or the end of the replay. A hundred cases at a time: the
     * documents of a thousand, encoded, sent and applied in one bulk write, lived through the whole write and were
     * promoted to the old generation, some 400 MB per checkpoint at a million events (ADR 0023).
     */
    void writeAll() {
        // Entries, not look-ups: a get would count as a use and reorder the cases left kept should a write fail.
        List<Map.Entry<String, S>> all = new ArrayList<>(cases.entrySet());
        for (int from = 0; from < all.size(); from += WRITE_SLICE) {
            List<Map.Entry<String, S>> slice = all.subList(from, Math.min(all.size(), from + WRITE_SLICE));
            writer.accept(slice.stream().map(Map.Entry::getValue).toList());
            slice.forEach(kept -> cases.remove(kept.getKey())); // only once written: a failed write leaves them kept
        }
    }

    /** Forgets every kept case unwritten: the token store still holds the last checkpoint, from which they come back. */
    void discard() {
        cases.clear();
    }
}
