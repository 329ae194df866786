package casebook.readmodel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The cases one projection changed in one segment during a replay and has not written yet, least recently used
 * first. Every case here is newer than its document, so a batch must take it from here, not from the database.
 * <p>
 * In a replay onto a read model emptied for it (a full rebuild) the database holds only what this segment has written
 * since, so the cases it may have written are remembered ({@link #mayBeStored}) and the others are never asked for:
 * a look-up of a few new case ids per projection in nearly every batch, answered "none": some 30,000 round trips in a
 * million-event rebuild (ADR 0024).
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
    /**
     * In a replay onto an emptied read model: the ids of the cases this segment has written or tried to write (a
     * write that failed part-way may have stored some of them); null when the database may hold any case.
     */
    private Set<String> written;

    KeptCases(int capacity, Consumer<List<S>> writer) {
        this(capacity, writer, false);
    }

    /** @param ontoEmpty the read model was emptied for this replay and this segment has written nothing to it yet */
    KeptCases(int capacity, Consumer<List<S>> writer, boolean ontoEmpty) {
        this.capacity = capacity;
        this.writer = writer;
        this.written = ontoEmpty ? new HashSet<>() : null;
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

    /**
     * Whether the database may hold a document of this case: false only in a replay onto an emptied read model, for a
     * case this segment has never written (nor tried to).
     */
    boolean mayBeStored(String id) {
        return written == null || written.contains(id);
    }

    /** From now on any case may be in the database (the segment wrote outside its kept cases). */
    void forgetWritten() {
        written = null;
    }

    /** Keeps the changed cases; answers those pushed out (least recently used), which the caller must write now. */
    List<S> keep(Map<String, S> changed) {
        cases.putAll(changed);
        List<S> out = new ArrayList<>();
        Iterator<Map.Entry<String, S>> eldest = cases.entrySet().iterator();
        while (cases.size() > capacity && eldest.hasNext()) {
            Map.Entry<String, S> pushedOut = eldest.next();
            noteWritten(pushedOut.getKey()); // before the caller writes it: a failed write may still have stored it
            out.add(pushedOut.getValue());
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
            slice.forEach(kept -> noteWritten(kept.getKey()));
            writer.accept(slice.stream().map(Map.Entry::getValue).toList());
            slice.forEach(kept -> cases.remove(kept.getKey())); // only once written: a failed write leaves them kept
        }
    }

    private void noteWritten(String id) {
        if (written != null) {
            written.add(id);
        }
    }

    /** Forgets every kept case unwritten: the token store still holds the last checkpoint, from which they come back. */
    void discard() {
        cases.clear();
    }
}
