package casebook.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/**
 * Remembers, for a few minutes, a user name and password that BCrypt has already verified. HTTP Basic
 * sends them with every request, and measured on this machine BCrypt was half of the CPU of a command.
 * Only a SHA-256 of the password is kept, and a changed password simply misses the cache.
 */
final class VerifiedCredentialsCache implements ReactiveAuthenticationManager {

    private record Verified(Authentication authentication, Instant until) {
    }

    private static final int MAX_ENTRIES = 10_000;

    private final ReactiveAuthenticationManager delegate;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedCredentialsCache(ReactiveAuthenticationManager delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof UsernamePasswordAuthenticationToken) || authentication.getCredentials() == null) {
            return delegate.authenticate(authentication);
        }
        String key = authentication.getName() + "\u0000" + sha256(authentication.getCredentials().toString());
        Verified hit = verified.get(key);
        if (hit != null && hit.until().isAfter(clock.instant())) {
            return Mono.just(hit.authentication());
        }
        return delegate.authenticate(authentication).doOnNext(result -> {
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
            verified.put(key, new Verified(result, clock.instant().plus(ttl)));
        });
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
