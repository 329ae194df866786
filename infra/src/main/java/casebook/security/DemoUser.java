package casebook.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A user of the embedded default, with the bureau they belong to. */
final class DemoUser extends User implements Actor.BureauScoped {

    private final String bureau;

    private final Role role;

    DemoUser(String username, String encodedPassword, Role role, String bureau) {
        super(username, encodedPassword, List.of(new SimpleGrantedAuthority(role.authority())));
        this.role = role;
        this.bureau = bureau;
    }

    DemoUser copy() {
        return new DemoUser(getUsername(), getPassword(), role, bureau);
    }

    @Override
    public String bureau() {
        return bureau;
    }
}
