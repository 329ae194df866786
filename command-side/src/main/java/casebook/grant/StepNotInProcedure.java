package casebook.grant;

import casebook.kernel.InvalidInput;
import casebook.kernel.grant.GrantStep;
import casebook.kernel.grant.ProcedureKind;

/** A step that the procedure's kind does not have (e.g. 交付決定決裁 in a 前年度確定). */
public class StepNotInProcedure extends InvalidInput {
    public StepNotInProcedure(String field, GrantStep step, ProcedureKind kind) {
        super(field, step + " (" + step.label() + ") is not a step of " + kind + " (" + kind.label() + "; its steps are "
                + kind.steps() + ")");
    }
}
