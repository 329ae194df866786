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

    /** Writes every kept case and forgets them: a checkpoint, or the end of the replay. */
    void writeAll() {
        if (!cases.isEmpty()) {
            writer.accept(new ArrayList<>(cases.values()));
        }
        cases.clear();
    }

    /** Forgets every kept case unwritten: the token store still holds the last checkpoint, from which they come back. */
    void discard() {
        cases.clear();
    }
}
