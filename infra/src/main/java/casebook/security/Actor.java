package casebook.security;

import java.util.Arrays;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The authenticated person behind a request: the actor recorded on every event. It comes only from the
 * principal, never from a request body.
 *
 * @param bureau the bureau they work for, or {@code *} for every bureau
 */
public record Actor(String name, Role role, String bureau) {

    public static final String ALL_BUREAUS = "*";

    public static Actor of(Authentication authentication) {
        Role role = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5))
                .filter(a -> Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(a)))
                .map(Role::valueOf).findFirst().orElse(Role.AUDITOR);
        String bureau = authentication.getPrincipal() instanceof BureauScoped scoped ? scoped.bureau() : ALL_BUREAUS;
        return new Actor(authentication.getName(), role, bureau);
    }

    /** Implemented by principals that belong to one bureau. */
    public interface BureauScoped {
        String bureau();
    }
}
