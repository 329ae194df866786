package casebook.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which JWT claims carry the user's name, role (CASE_OFFICER, SUPERVISOR, AUDITOR, ADMIN) and bureau code.
 * The issuer or keys are Spring Boot's own settings: {@code spring.security.oauth2.resourceserver.jwt.*}.
 */
@ConfigurationProperties("casebook.security.jwt")
record JwtClaims(@DefaultValue("preferred_username") String name, @DefaultValue("casebook_role") String role,
                 @DefaultValue("casebook_bureau") String bureau) {
}
