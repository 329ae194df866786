package casebook.grant;

import java.util.List;

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

    /** A list of texts where every entry says something (document names, say); null reads as empty. */
    static List<String> texts(String field, List<String> values) {
        List<String> list = values == null ? List.of() : values;
        for (int i = 0; i < list.size(); i++) {
            text(field + "[" + i + "]", list.get(i));
        }
        return List.copyOf(list);
    }
}
