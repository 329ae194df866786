package casebook.engagement;

import casebook.kernel.StateConflict;

/** Callers choose the ids of advisors, decisions, findings, homework and outputs; reusing one is a conflict. */
public class DuplicateId extends StateConflict {
    public DuplicateId(String field, String id, String what) {
        super(field, id + " is already " + what);
    }
}
