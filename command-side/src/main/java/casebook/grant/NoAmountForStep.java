package casebook.grant;

import casebook.kernel.InvalidInput;
import casebook.kernel.grant.GrantStep;

/** Requests, notices and reviews record no amount (their {@link GrantStep#amountRole()} is null). */
public class NoAmountForStep extends InvalidInput {
    public NoAmountForStep(String field, GrantStep step) {
        super(field, "this step records no amount: " + step + " (" + step.label() + ")");
    }
}
