package casebook.engagement;

import casebook.kernel.InvalidInput;

/** A correction names a field (or an event) that corrections may not change; see {@link CorrectionRules}. */
public class NotCorrectable extends InvalidInput {
    public NotCorrectable(String field, String message) {
        super(field, message);
    }
}
