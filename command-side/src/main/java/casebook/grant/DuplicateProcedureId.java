package casebook.grant;

import casebook.kernel.StateConflict;

/** Callers choose procedure ids; reusing one within the case is a conflict. */
public class DuplicateProcedureId extends StateConflict {
    public DuplicateProcedureId(String procedureId) {
        super("procedureId", procedureId + " is already a procedure of this case");
    }
}
