package casebook.grant;

import casebook.kernel.InvalidInput;

/** Amounts are whole yen, zero or more; a refund is its own step (返還命令), not a negative payment. */
public class NegativeAmount extends InvalidInput {
    public NegativeAmount(String field, long amount) {
        super(field, "amount must not be negative (" + amount + " yen)");
    }
}
