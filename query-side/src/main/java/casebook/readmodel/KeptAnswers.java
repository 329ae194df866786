package casebook.readmodel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The last answer to each question, kept with the rows it was worked out from: asked again while
 * {@link StampedRows} still hands out the very same rows (the same list, not an equal one), the question gets the
 * same answer without filtering, mapping and sorting hundreds of rows again. The question must hold everything else
 * the answer depends on (today's date, for overdue flags). Bounded, least recently used out.
 *
 * @param <Q> a question: equal questions have equal answers from the same rows
 * @param <A> its answer, not changed by whoever receives it
 */
public final class KeptAnswers<Q, A> {

    private record Kept<A>(Object rows, A answer) {
    }

    private final Map<Q, Kept<A>> kept;

    public KeptAnswers(int maxQuestions) {
        this.kept = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Q, Kept<A>> eldest) {
                return size() > maxQuestions;
            }
        };
    }

    /** The answer to {@code question} from {@code rows}: the kept one if it came from these very rows. */
    public A answer(Q question, Object rows, Supplier<A> work) {
        Kept<A> held;
        synchronized (kept) {
            held = kept.get(question);
        }
        if (held != null && held.rows() == rows) {
            return held.answer();
        }
        A answer = work.get();
        synchronized (kept) {
            kept.put(question, new Kept<>(rows, answer));
        }
        return answer;
    }
}
