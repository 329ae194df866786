package casebook.consultation;

import casebook.kernel.InvalidInput;

/** The excess asked for is the planned cost above the cap (0 when there is none), to the yen. */
public class ExcessDoesNotAddUp extends InvalidInput {
    public ExcessDoesNotAddUp(long excessAmount, long plannedCost, long capAmount) {
        super("excessAmount", "excessAmount " + excessAmount + " does not match plannedCost " + plannedCost
                + " - capAmount " + capAmount + " (expected " + Math.max(0, plannedCost - capAmount) + ")");
    }
}
