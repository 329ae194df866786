package casebook.grant;

import casebook.kernel.InvalidInput;
import casebook.kernel.grant.GrantType;
import casebook.kernel.grant.ProcedureKind;

/** Each grant has its own procedures: only 地域支援事業交付金 has 調整交付金 and 過年度再確定. */
public class ProcedureNotForGrant extends InvalidInput {
    public ProcedureNotForGrant(ProcedureKind kind, GrantType grantType) {
        super("kind", kind + " (" + kind.label() + ") is not a procedure of " + grantType + " (" + grantType.label()
                + "; it has " + grantType.procedures() + ")");
    }
}
