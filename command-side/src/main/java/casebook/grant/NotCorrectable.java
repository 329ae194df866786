package casebook.grant;

import casebook.kernel.InvalidInput;

/**
 * Only recorded steps (GrantStepRecorded) are corrected; opening a case or a procedure and corrections themselves are
 * not, and an amount only where the step records one.
 */
public class NotCorrectable extends InvalidInput {
    public NotCorrectable(String field, String message) {
        super(field, message);
    }
}
