package casebook.inquiry;

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

    /** A blank value where one is given but must say something (an optional id, say). */
    static void notBlankIfPresent(String field, String value) {
        if (value != null && value.isBlank()) {
            throw new MissingValue(field, field + " must not be blank");
        }
    }
}
