package casebook.grant;

import casebook.kernel.StateConflict;
import casebook.kernel.grant.ProcedureKind;

/** A case has one procedure of each kind, except 変更交付 (CHANGE), which may be applied for again and again. */
public class ProcedureAlreadyOpen extends StateConflict {
    public ProcedureAlreadyOpen(ProcedureKind kind, String existingId) {
        super("kind", "this case already has its " + kind + " (" + kind.label() + ") procedure " + existingId
                + "; only CHANGE may repeat");
    }
}
