package casebook.security;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import reactor.core.publisher.Mono;

/**
 * The demo users, handed out as fresh copies that keep their bureau. (Spring's map-based service copies
 * users into plain {@code User}s, which would lose the bureau and record every actor as "all bureaus".)
 */
final class DemoUsers implements ReactiveUserDetailsService {

    private final Map<String, DemoUser> users;

    DemoUsers(Collection<DemoUser> users) {
        this.users = users.stream().collect(Collectors.toUnmodifiableMap(DemoUser::getUsername, Function.identity()));
    }

    boolean isEmpty() {
        return users.isEmpty();
    }

    @Override
    public Mono<UserDetails> findByUsername(String username) {
        DemoUser user = username == null ? null : users.get(username);
        // A copy each time: authentication erases the credentials of the instance it was given.
        return Mono.justOrEmpty(user).map(DemoUser::copy);
    }
}
