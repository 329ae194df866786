package casebook.consultation;

import casebook.kernel.InvalidInput;

/** A required value is absent or blank; the field names it so the client can point at the empty box. */
public class MissingValue extends InvalidInput {
    public MissingValue(String field) {
        this(field, field + " is required");
    }

    public MissingValue(String field, String message) {
        super(field, message);
    }
}
