package casebook.grant;

import casebook.kernel.UnknownReference;

/** The procedure was never opened in this case. */
public class UnknownProcedure extends UnknownReference {
    public UnknownProcedure(String procedureId) {
        super("procedureId", "no procedure " + procedureId + " in this grant case");
    }
}
