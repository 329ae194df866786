package casebook.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casebook.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** Remembered bearer tokens: a verified token is not verified again until it expires, and nothing else is kept. */
class VerifiedTokensTest {

    private static final Instant NOON = Instant.parse("2026-12-04T03:00:00Z");

    /** The issuer's verification: counts its calls; tokens are "ok:<expiry>", "open" (no expiry) or anything else (bad). */
    private static final class Issuer implements ReactiveJwtDecoder {
        final List<String> verified = new ArrayList<>();

        @Override
        public Mono<Jwt> decode(String token) {
            verified.add(token);
            if (token.equals("open")) {
                return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("officer-kyushu").build());
            }
            if (!token.startsWith("ok:")) {
                return Mono.error(new BadJwtException("bad signature"));
            }
            return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("officer-kyushu")
                    .issuedAt(NOON.minusSeconds(60)).expiresAt(Instant.parse(token.substring(3))).build());
        }
    }

    private final Issuer issuer = new Issuer();
    private final MovableClock clock = new MovableClock(NOON);
    private final VerifiedTokens tokens = new VerifiedTokens(issuer, Duration.ofMinutes(5), clock);

    @Test
    void aTokenVerifiedOnceIsNotVerifiedAgainWhileItIsValid() {
        String token = "ok:" + NOON.plus(Duration.ofHours(1));
        Jwt first = tokens.decode(token).block();
        clock.set(NOON.plusSeconds(120));
        assertThat(tokens.decode(token).block()).isSameAs(first);
        assertThat(issuer.verified).containsExactly(token);
    }

    @Test
    void aRememberedTokenIsVerifiedAgainAfterTheCap() {
        String token = "ok:" + NOON.plus(Duration.ofHours(1));
        tokens.decode(token).block();
        clock.set(NOON.plus(Duration.ofMinutes(6)));
        tokens.decode(token).block();
        assertThat(issuer.verified).containsExactly(token, token);
    }

    @Test
    void anExpiredTokenGoesBackToTheIssuerWhichRefusesIt() {
        String token = "ok:" + NOON.plusSeconds(30);
        tokens.decode(token).block();
        clock.set(NOON.plusSeconds(31));
        Jwt again = tokens.decode(token).block(); // the issuer here does not check expiry; the real one allows skew
        assertThat(issuer.verified).containsExactly(token, token);
        assertThat(again.getExpiresAt()).isBefore(clock.instant());
        clock.set(NOON.plusSeconds(32));
        tokens.decode(token).block();
        assertThat(issuer.verified).as("an expired token is never remembered").hasSize(3);
    }

    @Test
    void refusalsAndTokensWithoutExpiryAreNeverRemembered() {
        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
        tokens.decode("open").block();
        tokens.decode("open").block();
        assertThat(issuer.verified).containsExactly("forged", "forged", "open", "open");
    }
}
