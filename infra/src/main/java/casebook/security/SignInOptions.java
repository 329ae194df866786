package casebook.security;

import java.util.List;

/**
 * How one may sign in to the browser UI here: with a user name and password (the demo users of the embedded
 * default) and through which identity providers (OIDC). The sign-in screen shows exactly these.
 */
public record SignInOptions(boolean password, List<Provider> providers) {

    /** @param path where the browser goes to start the provider's sign-in */
    public record Provider(String id, String name, String path) {
    }
}
