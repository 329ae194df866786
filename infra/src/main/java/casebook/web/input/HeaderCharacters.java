package casebook.web.input;

import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * The firewall's rule for header names and values, checked character by character instead of by regular
 * expression. Spring Security's strict firewall checks every header it hands out, on every read, against
 * {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} (names; values may also hold tabs), and a bearer JWT is some 800
 * characters: matching them by regex took about 1.5 % of all CPU while 64 officers read their lists (thirty-second
 * session, docs/PERFORMANCE.md). The rule is the same ({@code HeaderCharactersTest} compares both on every code
 * point): every code point is assigned in Unicode and is not a control character; a value may hold tabs.
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    /** Spring's strict firewall with these checks of header names and values, everything else as it comes. */
    static StrictServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::allowedName);
        firewall.setAllowedHeaderValues(HeaderCharacters::allowedValue);
        return firewall;
    }

    static boolean allowedName(String name) {
        return allowed(name, false);
    }

    /** A header without a value passes, as in Spring's own rule. */
    static boolean allowedValue(String value) {
        return value == null || allowed(value, true);
    }

    private static boolean allowed(String s, boolean tabs) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int type = Character.getType(c);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tabs && c == '\t'))) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
