package casebook.web;

import casebook.kernel.InvalidInput;

/** The contract's {@code If-Match: "n"}: the version the client last saw. */
final class IfMatch {

    private IfMatch() {
    }

    static Long parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String v = header.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) {
            v = v.substring(1, v.length() - 1);
        }
        if (!v.matches("\\d{1,18}")) {
            throw new InvalidInput("If-Match", "If-Match must be a version in quotes, e.g. \"3\"");
        }
        return Long.valueOf(v);
    }
}
