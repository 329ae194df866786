package casebook.security;

import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/**
 * Production sign-in: a bearer JWT from the division's identity provider. Role and bureau come only from the
 * token's claims (names configurable); a token without a known role or without a bureau (for roles that
 * work in one) grants nothing.
 */
final class JwtActors implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    /** The signed-in person of a token, carrying their bureau as the demo users do. */
    static final class JwtActor extends AbstractAuthenticationToken implements Actor.BureauScoped {
        private final Jwt jwt;
        private final String name;
        private final String bureau;

        JwtActor(Jwt jwt, String name, Role role, String bureau) {
            super(role == null ? List.of() : List.of(new SimpleGrantedAuthority(role.authority())));
            this.jwt = jwt;
            this.name = name;
            this.bureau = bureau;
            setAuthenticated(role != null);
        }

        @Override
        public Object getCredentials() {
            return jwt;
        }

        @Override
        public Object getPrincipal() {
            return this;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String bureau() {
            return bureau;
        }
    }

    private final JwtClaims claims;

    JwtActors(JwtClaims claims) {
        this.claims = claims;
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        ClaimedIdentity who = ClaimedIdentity.read(claims, jwt::getClaim, jwt.getSubject());
        return Mono.just(new JwtActor(jwt, who.name(), who.role(), who.bureau()));
    }
}
