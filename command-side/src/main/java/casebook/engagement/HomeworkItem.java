package casebook.engagement;

import casebook.kernel.engagement.CorrectedFields;
import java.time.LocalDate;

/**
 * A homework item (宿題, "1.5mtgまでに…"): a task due before a milestone or on a date. Immutable, replaced on
 * every change.
 */
record HomeworkItem(String itemId, String description, String owner, String dueBefore, LocalDate dueOn, State state,
                    LocalDate completedOn, String note) {

    enum State { OPEN, COMPLETED, DROPPED }

    static HomeworkItem open(String itemId, String description, String owner, String dueBefore, LocalDate dueOn) {
        return new HomeworkItem(itemId, description, owner, dueBefore, dueOn, State.OPEN, null, null);
    }

    boolean isOpen() {
        return state == State.OPEN;
    }

    HomeworkItem completed(LocalDate on, String completionNote) {
        return new HomeworkItem(itemId, description, owner, dueBefore, dueOn, State.COMPLETED, on, completionNote);
    }

    HomeworkItem dropped() {
        return new HomeworkItem(itemId, description, owner, dueBefore, dueOn, State.DROPPED, completedOn, note);
    }

    /** Applies a correction of the HomeworkItemAdded event. */
    HomeworkItem withCorrectedDefinition(CorrectedFields f) {
        return new HomeworkItem(itemId, or(f.description(), description), or(f.owner(), owner), dueBefore,
                or(f.dueOn(), dueOn), state, completedOn, note);
    }

    /** Applies a correction of the HomeworkItemCompleted event. */
    HomeworkItem withCorrectedCompletion(CorrectedFields f) {
        return new HomeworkItem(itemId, description, owner, dueBefore, dueOn, state,
                or(f.completedOn(), completedOn), or(f.note(), note));
    }

    private static <T> T or(T corrected, T current) {
        return corrected != null ? corrected : current;
    }
}
