package casebook.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * HTTP Basic with the contract's demo users on the embedded default. Reads need any signed-in user;
 * commands need a case officer or a supervisor, so auditors and admins change no case.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemAuthenticationHandlers problems,
                                                  ReactiveAuthenticationManager authenticationManager) {
        return http
                .authenticationManager(authenticationManager)
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeExchange(ex -> ex
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**", "/webjars/**").permitAll()
                        .pathMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .pathMatchers("/api/exports/events.ndjson").hasRole(Role.ADMIN.name())
                        .pathMatchers(HttpMethod.GET, "/api/**").authenticated()
                        .pathMatchers("/api/**").hasAnyRole(Role.CASE_OFFICER.name(), Role.SUPERVISOR.name())
                        .anyExchange().authenticated())
                .build();
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
