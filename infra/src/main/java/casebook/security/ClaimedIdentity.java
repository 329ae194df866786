package casebook.security;

import java.util.Locale;
import java.util.function.Function;

/**
 * Name, role and bureau as the division's identity provider states them, in a bearer JWT or in the ID token of
 * a browser sign-in: one reading of the claims for both, so that an API call and a browser session of the same
 * person act with the same authority.
 *
 * @param role   null when the claims name no Casebook role, or name an officer's or supervisor's role without a
 *               bureau (such a person could otherwise see every bureau): they are granted nothing
 * @param bureau the bureau code, or {@code *} for roles that work across bureaus
 */
record ClaimedIdentity(String name, Role role, String bureau) {

    static ClaimedIdentity read(JwtClaims claims, Function<String, Object> claim, String subject) {
        String name = text(claim.apply(claims.name()));
        Role role = role(text(claim.apply(claims.role())));
        String bureau = text(claim.apply(claims.bureau()));
        boolean needsBureau = role == Role.CASE_OFFICER || role == Role.SUPERVISOR;
        if (needsBureau && (bureau == null || bureau.isBlank() || Actor.ALL_BUREAUS.equals(bureau))) {
            role = null;
        }
        return new ClaimedIdentity(name != null ? name : subject, role,
                role == null || !needsBureau ? Actor.ALL_BUREAUS : bureau);
    }

    boolean grantsAnything() {
        return role != null;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Role role(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
