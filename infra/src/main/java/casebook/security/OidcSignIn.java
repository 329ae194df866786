package casebook.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;
import reactor.core.publisher.Mono;

/**
 * The browser UI's production sign-in: the division's identity provider by OpenID Connect (authorization-code
 * flow), ending in the same session as the demo users' form. It is on when a client registration is configured
 * ({@code spring.security.oauth2.client.registration.<id>.*}, docs/SECURITY.md). Role and bureau are read from the
 * ID token (and user-info) claims exactly as from a bearer JWT ({@link ClaimedIdentity}); a person whose claims
 * name no Casebook role is not signed in at all.
 */
@Configuration(proxyBeanMethods = false)
public class OidcSignIn {

    private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);

    /** Where the browser lands after the identity provider; the UI reads the outcome from the query. */
    static final String SIGNED_IN = "/";
    static final String REFUSED = "/?signin=refused";

    /** A person signed in through the identity provider, carrying their bureau as every Casebook principal does. */
    static final class OidcActor extends DefaultOidcUser implements Actor.BureauScoped {
        private final String name;
        private final String bureau;

        OidcActor(OidcUser user, ClaimedIdentity who) {
            super(List.of(new SimpleGrantedAuthority(who.role().authority())), user.getIdToken(), user.getUserInfo());
            this.name = who.name();
            this.bureau = who.bureau();
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

    /** Picked up by {@code oauth2Login}: the provider's user, turned into a Casebook actor or refused. */
    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> casebookOidcUsers(JwtClaims claims) {
        OidcReactiveOAuth2UserService provider = new OidcReactiveOAuth2UserService();
        return request -> provider.loadUser(request).flatMap(user -> {
            Map<String, Object> all = user.getClaims();
            ClaimedIdentity who = ClaimedIdentity.read(claims, all::get, user.getSubject());
            if (!who.grantsAnything()) {
                log.warn("OIDC sign-in refused for subject {}: the claims {} / {} name no Casebook role with its bureau",
                        user.getSubject(), claims.role(), claims.bureau());
                return Mono.error(new OAuth2AuthenticationException(new OAuth2Error("access_denied",
                        "no Casebook role (with its bureau) in the identity provider's claims", null)));
            }
            return Mono.just(new OidcActor(user, who));
        });
    }

    /** Turns the OIDC sign-in on in the security chain when a client registration is configured. */
    static void configure(ServerHttpSecurity http, ObjectProvider<ReactiveClientRegistrationRepository> registrations) {
        if (registrations.getIfAvailable() == null) {
            return;
        }
        http.oauth2Login(login -> login
                .securityContextRepository(new WebSessionServerSecurityContextRepository())
                .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler(SIGNED_IN))
                .authenticationFailureHandler(refused()));
        log.info("browser sign-in through the identity provider (OIDC) enabled");
    }

    /** Back to the UI with the outcome; why, for the operators, in the log (never to the browser). */
    private static ServerAuthenticationFailureHandler refused() {
        RedirectServerAuthenticationFailureHandler redirect = new RedirectServerAuthenticationFailureHandler(REFUSED);
        return (exchange, failure) -> {
            log.warn("OIDC sign-in refused: {}", failure.getMessage());
            return redirect.onAuthenticationFailure(exchange, failure);
        };
    }

    /**
     * The identity provider sends the browser back to Casebook from its own site, and a SameSite=Strict cookie is
     * not sent on that cross-site navigation: the session holding the pending sign-in (state, nonce, PKCE
     * verifier) would be lost. With OIDC on, the session cookie is SameSite=Lax instead, which is sent on top-level
     * GET navigations only; unsafe requests stay protected by the CSRF token, which never relied on SameSite.
     */
    @Bean
    SmartInitializingSingleton laxSessionCookieForOidc(ObjectProvider<ReactiveClientRegistrationRepository> registrations,
                                                      ObjectProvider<WebSessionIdResolver> resolver) {
        return () -> {
            if (registrations.getIfAvailable() != null && resolver.getIfAvailable() instanceof CookieWebSessionIdResolver cookies) {
                cookies.addCookieInitializer(cookie -> cookie.sameSite("Lax"));
            }
        };
    }

    @Bean
    SignInOptions signInOptions(DemoUsers users, ObjectProvider<ReactiveClientRegistrationRepository> registrations) {
        return new SignInOptions(!users.isEmpty(), providers(registrations));
    }

    /** Registered providers, as the sign-in screen lists them. */
    private static List<SignInOptions.Provider> providers(ObjectProvider<ReactiveClientRegistrationRepository> registrations) {
        if (!(registrations.getIfAvailable() instanceof Iterable<?> all)) {
            return List.of();
        }
        List<SignInOptions.Provider> providers = new ArrayList<>();
        for (Object r : all) {
            ClientRegistration registration = (ClientRegistration) r;
            providers.add(new SignInOptions.Provider(registration.getRegistrationId(), registration.getClientName(),
                    "/oauth2/authorization/" + registration.getRegistrationId()));
        }
        return providers;
    }
}
