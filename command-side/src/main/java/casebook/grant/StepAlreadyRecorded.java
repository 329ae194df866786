package casebook.grant;

import casebook.kernel.StateConflict;
import casebook.kernel.grant.GrantStep;

/** A step happens once per procedure (payments and refund receipts may come in instalments); a wrong record is corrected. */
public class StepAlreadyRecorded extends StateConflict {
    public StepAlreadyRecorded(GrantStep step, String procedureId) {
        super("step", step + " (" + step.label() + ") of procedure " + procedureId
                + " is already recorded; correct it instead");
    }
}
