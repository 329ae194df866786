package casebook.grant;

import casebook.kernel.StateConflict;
import casebook.kernel.grant.GrantStep;

/**
 * A step recorded before (or dated before) the step it depends on in the same procedure, e.g. a payment before the
 * grant decision (交付決定決裁). See {@link StepOrder} for the pairs.
 */
public class StepOutOfOrder extends StateConflict {
    private final GrantStep step;
    private final GrantStep prerequisite;

    public StepOutOfOrder(String field, GrantStep step, GrantStep prerequisite, String message) {
        super(field, message);
        this.step = step;
        this.prerequisite = prerequisite;
    }

    /** The step that came too early. */
    public GrantStep step() {
        return step;
    }

    /** The step it has to wait for. */
    public GrantStep prerequisite() {
        return prerequisite;
    }
}
