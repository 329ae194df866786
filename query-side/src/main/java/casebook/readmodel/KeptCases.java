package casebook.readmodel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The cases one projection changed in one segment during a replay, least recently used first: those changed since
 * they were last written (newer than their documents, so a batch must take them from here, not from the database),
 * and those written at a checkpoint and kept as written, so that the replay's next batches need not read them back.
 *
 * @param <S> a stored case, as {@link CasesOfABatch} keeps it
 */
final class KeptCases<S> {

    private final LinkedHashMap<String, S> cases = new LinkedHashMap<>(64, 0.75f, true);
    private final Set<String> unwritten = new HashSet<>();
    private final int capacity;
    /** Writes cases as the projection's batch would; set by the latest batch (the writer holds no batch state). */
    private Consumer<List<S>> writer;
    /** A written case as its document now stands, or null to read it back when it is needed again. */
    private UnaryOperator<S> asWritten;

    KeptCases(int capacity, Consumer<List<S>> writer, UnaryOperator<S> asWritten) {
        this.capacity = capacity;
        this.writer = writer;
        this.asWritten = asWritten;
    }

    void writer(Consumer<List<S>> writer, UnaryOperator<S> asWritten) {
        this.writer = writer;
        this.asWritten = asWritten;
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

    /** Whether some case is newer than its document. */
    boolean hasUnwritten() {
        return !unwritten.isEmpty();
    }

    /**
     * Keeps the changed cases; answers those of the unwritten ones pushed out (least recently used), which the caller
     * must write now. A written one pushed out is only forgotten.
     */
    List<S> keep(Map<String, S> changed) {
        cases.putAll(changed);
        unwritten.addAll(changed.keySet());
        List<S> out = new ArrayList<>();
        Iterator<Map.Entry<String, S>> eldest = cases.entrySet().iterator();
        while (cases.size() > capacity && eldest.hasNext()) {
            Map.Entry<String, S> pushed = eldest.next();
            if (unwritten.remove(pushed.getKey())) {
                out.add(pushed.getValue());
            }
            eldest.remove();
        }
        return out;
    }

    /** A checkpoint: writes every unwritten case and keeps it as written. */
    void checkpoint() {
        if (unwritten.isEmpty()) {
            return;
        }
        List<Map.Entry<String, S>> changed = new ArrayList<>(unwritten.size());
        for (Map.Entry<String, S> kept : cases.entrySet()) { // least recently used first, as they stand
            if (unwritten.contains(kept.getKey())) {
                changed.add(Map.entry(kept.getKey(), kept.getValue()));
            }
        }
        writer.accept(changed.stream().map(Map.Entry::getValue).toList());
        unwritten.clear();
        for (Map.Entry<String, S> written : changed) {
            S asStored = asWritten.apply(written.getValue());
            if (asStored == null) {
                cases.remove(written.getKey());
            } else {
                cases.put(written.getKey(), asStored);
            }
        }
    }

    /** Writes every unwritten case and forgets them all: the end of the replay, or a batch that is not one. */
    void writeAll() {
        if (!unwritten.isEmpty()) {
            writer.accept(cases.entrySet().stream().filter(e -> unwritten.contains(e.getKey()))
                    .map(Map.Entry::getValue).toList());
        }
        discard();
    }

    /** Forgets every kept case unwritten: the token store still holds the last checkpoint, from which they come back. */
    void discard() {
        cases.clear();
        unwritten.clear();
    }
}
