package casebook.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * HTTP Basic with the contract's demo users on the embedded default, bearer JWTs in production, and for the
 * browser UI a session cookie after signing in with the form (demo users) or the identity provider (OIDC). Case data is read by officers,
 * supervisors and auditors; commands need a case officer or a supervisor (approvals and skips: a supervisor),
 * so auditors and admins change no case. docs/SECURITY.md has the full table.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** Every response: no framing, no plugins, scripts and styles from Casebook itself only. */
    static final String CSP = "default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'";
    /**
     * Swagger UI sets inline style attributes and uses data: images for its icons; it keeps the same frame,
     * object and base rules. Scripts stay 'self' only (the initializer is an external file).
     */
    static final String CSP_SWAGGER_UI = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "frame-ancestors 'none'; object-src 'none'; base-uri 'self'";
    private static final ServerWebExchangeMatcher SWAGGER_UI = ServerWebExchangeMatchers.pathMatchers("/swagger-ui.html",
            "/swagger-ui/**", "/webjars/**");
    private static final ServerWebExchangeMatcher SIGN_IN_OUT = ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST,
            "/login", "/logout");

    /**
     * The endpoint table of docs/SECURITY.md, in force (SecurityMatrixTest walks it). The role decides here;
     * the bureau is decided afterwards by {@link BureauScope} (another bureau's case: 404) and by
     * {@code OwnBureau} (opening a case for another bureau: 403).
     */
    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemAuthenticationHandlers problems,
                                                  ReactiveAuthenticationManager authenticationManager,
                                                  ObjectProvider<ReactiveJwtDecoder> jwtDecoder, JwtClaims claims, Clock clock,
                                                  BrowserSession session,
                                                  ObjectProvider<ReactiveClientRegistrationRepository> oidcProviders,
                                                  @Value("${server.reactive.session.cookie.name:SESSION}") String sessionCookie) {
        // Production: bearer JWTs, when an issuer or keys are configured (spring.security.oauth2.resourceserver.jwt.*).
        jwtDecoder.ifAvailable(decoder -> {
            http.oauth2ResourceServer(o -> o.authenticationEntryPoint(problems).accessDeniedHandler(problems)
                    .jwt(j -> j.jwtDecoder(new VerifiedTokens(decoder, Duration.ofMinutes(5), clock))
                            .jwtAuthenticationConverter(new JwtActors(claims))));
            log.info("bearer JWT sign-in enabled (claims: name={}, role={}, bureau={})", claims.name(), claims.role(),
                    claims.bureau());
        });
        // Production browser sign-in, when an OIDC client registration is configured (OidcSignIn).
        OidcSignIn.configure(http, oidcProviders);
        String officer = Role.CASE_OFFICER.name();
        String supervisor = Role.SUPERVISOR.name();
        String auditor = Role.AUDITOR.name();
        String admin = Role.ADMIN.name();
        return http
                .authenticationManager(authenticationManager)
                // CSRF protects what a cookie authenticates: requests that carry the browser's session cookie, and
                // the sign-in and sign-out forms themselves. Scripts and other systems send their credentials on
                // every request (HTTP Basic, bearer JWT) and no cookie, so a cross-site form cannot ride on them.
                // The token travels cookie-to-header (XSRF-TOKEN → X-XSRF-TOKEN), read by the UI's script.
                .csrf(csrf -> csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .accessDeniedHandler(problems)
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(new AndServerWebExchangeMatcher(CsrfWebFilter.DEFAULT_CSRF_MATCHER,
                                new OrServerWebExchangeMatcher(SIGN_IN_OUT, BrowserSession.cookieMatcher(sessionCookie)))))
                // The browser UI signs in with a form and keeps a session (cookie SameSite=Strict, HttpOnly);
                // answers are JSON for the UI's script, never redirects.
                .formLogin(form -> form.loginPage("/login")
                        .securityContextRepository(new WebSessionServerSecurityContextRepository())
                        .authenticationSuccessHandler(session::signedIn)
                        .authenticationFailureHandler(session::signInFailed))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(session::signedOut))
                .addFilterAfter(session.csrfCookieForTheUi(), SecurityWebFiltersOrder.CSRF)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        .contentTypeOptions(Customizer.withDefaults())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .writer(SecurityConfiguration::contentSecurityPolicy))
                .authorizeExchange(ex -> ex
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**", "/webjars/**").permitAll()
                        // The browser UI's shell, script and styles: no data in them, the sign-in screen is among them.
                        .pathMatchers(HttpMethod.GET, "/", "/index.html", "/assets/**", "/favicon.ico").permitAll()
                        // How one signs in here (password form, identity providers): the sign-in screen asks first.
                        .pathMatchers(HttpMethod.GET, "/api/sign-in-options").permitAll()
                        // Who am I, and the reference data behind the forms: anyone signed in.
                        .pathMatchers(HttpMethod.GET, "/api/me", "/api/reference/**").authenticated()
                        .pathMatchers("/actuator/**").hasRole(admin)
                        // Export and import of the whole store: the administrator's.
                        .pathMatchers(HttpMethod.GET, "/api/exports/events.ndjson").hasRole(admin)
                        .pathMatchers("/api/exports/events.ndjson").denyAll()
                        // Long operations (projection rebuilds, whole-store verification) and their progress.
                        .pathMatchers(HttpMethod.GET, "/api/admin/operations").hasRole(admin)
                        .pathMatchers(HttpMethod.POST, "/api/admin/operations/rebuild", "/api/admin/operations/rebuild/*",
                                "/api/admin/operations/verify",
                                "/api/admin/operations/import").hasRole(admin)
                        // Dead letters of the projections: operating the system, the administrator's.
                        .pathMatchers(HttpMethod.GET, "/api/admin/dead-letters").hasRole(admin)
                        .pathMatchers(HttpMethod.POST, "/api/admin/dead-letters/*/retry",
                                "/api/admin/dead-letters/*/letters/*/eviction").hasRole(admin)
                        .pathMatchers("/api/admin/**").denyAll()
                        // Control reports and retention lists: supervisors (own bureau) and auditors.
                        .pathMatchers(HttpMethod.GET, "/api/audit/controls", "/api/audit/retention")
                        .hasAnyRole(supervisor, auditor)
                        // Reading cases: the people who work on them and the auditors, not the administrator.
                        .pathMatchers(HttpMethod.GET, "/api/**").hasAnyRole(officer, supervisor, auditor)
                        // Approvals and skips: supervisors only.
                        .pathMatchers(HttpMethod.POST, "/api/engagements/*/milestones/*/skip",
                                "/api/consultations/*/approval", "/api/consultations/*/rejection",
                                "/api/grant-cases/*/procedures/*/steps/DECISION_APPROVED").hasRole(supervisor)
                        .pathMatchers(HttpMethod.POST, "/api/**").hasAnyRole(officer, supervisor)
                        .pathMatchers(HttpMethod.PUT, "/api/**").hasAnyRole(officer, supervisor)
                        .pathMatchers("/api/**").denyAll()
                        .anyExchange().authenticated())
                .build();
    }

    /**
     * Spring Security's own observations off: with a registry present it wraps each of its filters, every
     * authentication and every authorization of every request in an observation of its own, about 3 % of all CPU
     * while 64 officers read their lists (thirty-second session, docs/PERFORMANCE.md). The HTTP server's observation
     * ({@code http.server.requests}) still times every request, failed sign-ins included (401).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** One Content-Security-Policy per response, relaxed for the Swagger UI pages only. */
    private static Mono<Void> contentSecurityPolicy(ServerWebExchange exchange) {
        return SWAGGER_UI.matches(exchange).doOnNext(match -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            if (!headers.containsKey("Content-Security-Policy")) {
                headers.set("Content-Security-Policy", match.isMatch() ? CSP_SWAGGER_UI : CSP);
            }
        }).then();
    }

    @Bean
    ReactiveAuthenticationManager authenticationManager(DemoUsers users, PasswordEncoder encoder, Clock clock) {
        var byPassword = new UserDetailsRepositoryReactiveAuthenticationManager(users);
        byPassword.setPasswordEncoder(encoder);
        return new VerifiedCredentialsCache(byPassword, Duration.ofMinutes(5), clock);
    }

    /** Demo passwords are public ("demo"); a low work factor keeps Basic auth cheap on every request. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(4);
    }

    @Bean
    DemoUsers users(PasswordEncoder encoder,
                                        @Value("${casebook.demo-users:true}") boolean demoUsers,
                                        @Value("${casebook.mongodb.uri:}") String mongoUri) {
        List<DemoUser> users = new ArrayList<>();
        if (demoUsers && mongoUri.isBlank()) {
            String demo = encoder.encode("demo");
            users.add(new DemoUser("officer-kyushu", demo, Role.CASE_OFFICER, "kyushu"));
            users.add(new DemoUser("officer-kanto", demo, Role.CASE_OFFICER, "kantoshinetsu"));
            users.add(new DemoUser("supervisor-kyushu", demo, Role.SUPERVISOR, "kyushu"));
            users.add(new DemoUser("auditor", demo, Role.AUDITOR, Actor.ALL_BUREAUS));
            users.add(new DemoUser("admin", demo, Role.ADMIN, Actor.ALL_BUREAUS));
            log.info("demo users enabled (password 'demo'): {}", users.stream().map(DemoUser::getUsername).toList());
        } else {
            log.info("demo users disabled");
        }
        return new DemoUsers(users);
    }
}
