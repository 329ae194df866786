package casebook.consultation;

import casebook.kernel.InvalidInput;

/** Input checks shared by the command handlers; each names the offending field for the 400 response. */
final class Require {

    private Require() {
    }

    static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new MissingValue(field);
        }
        return value;
    }

    static <T> T value(String field, T value) {
        if (value == null) {
            throw new MissingValue(field);
        }
        return value;
    }

    /** An amount in whole yen: present and not negative. */
    static long yen(String field, Long amount) {
        if (amount == null) {
            throw new MissingValue(field);
        }
        if (amount < 0) {
            throw new InvalidInput(field, field + " must not be negative (" + amount + " yen)");
        }
        return amount;
    }
}
