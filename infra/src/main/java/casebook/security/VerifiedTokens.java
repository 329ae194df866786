package casebook.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers bearer tokens whose signature and claims were already verified, until they expire or for a few minutes,
 * whichever comes first. A client sends the same token with every request until it expires; the signature check
 * and claim parsing were a tenth of the CPU of every HTTP request in the national benchmark's profile.
 *
 * <p>What is remembered is exactly what was verified (the same token string); expiry and not-before are checked
 * again on every use, without the clock skew the first verification allowed. A token without an expiry is never
 * remembered. The cap on how long one is remembered bounds how long a token signed by a key since withdrawn from the
 * issuer's key set keeps working.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    private static final int MAX_ENTRIES = 10_000;

    private record Verified(Jwt jwt, Instant until) {
    }

    private final ReactiveJwtDecoder delegate;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedTokens(ReactiveJwtDecoder delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Instant now = clock.instant();
        Verified hit = verified.get(token);
        if (hit != null) {
            if (now.isBefore(hit.until()) && usable(hit.jwt(), now)) {
                return Mono.just(hit.jwt());
            }
            verified.remove(token);
        }
        return delegate.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    private void remember(String token, Jwt jwt) {
        Instant now = clock.instant();
        if (jwt.getExpiresAt() == null || !usable(jwt, now)) {
            return;
        }
        Instant until = now.plus(ttl);
        if (jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(token, new Verified(jwt, until));
    }

    private static boolean usable(Jwt jwt, Instant now) {
        return jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())
                && (jwt.getNotBefore() == null || !now.isBefore(jwt.getNotBefore()));
    }
}
