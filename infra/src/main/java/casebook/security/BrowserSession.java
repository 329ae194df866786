package casebook.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * The browser UI's sign-in, sign-out and CSRF token. The UI's script posts the sign-in form and expects JSON,
 * so the answers are JSON (the signed-in user) or problem+json, never redirects to pages.
 */
@Configuration(proxyBeanMethods = false)
public class BrowserSession {

    private final ObjectMapper json;

    BrowserSession(ObjectMapper json) {
        this.json = json;
    }

    /** Requests that carry the session cookie: the only ones a cross-site page could make with authority. */
    static ServerWebExchangeMatcher cookieMatcher(String cookieName) {
        return exchange -> exchange.getRequest().getCookies().containsKey(cookieName)
                ? MatchResult.match() : MatchResult.notMatch();
    }

    Mono<Void> signedIn(WebFilterExchange exchange, Authentication authentication) {
        return write(exchange.getExchange(), HttpStatus.OK, MediaType.APPLICATION_JSON, SignedIn.of(authentication));
    }

    Mono<Void> signInFailed(WebFilterExchange exchange, AuthenticationException failure) {
        return ProblemAuthenticationHandlers.write(exchange.getExchange(), HttpStatus.UNAUTHORIZED, "Unauthorized",
                "User name or password is wrong.");
    }

    Mono<Void> signedOut(WebFilterExchange exchange, Authentication authentication) {
        exchange.getExchange().getResponse().setStatusCode(HttpStatus.NO_CONTENT);
        return Mono.empty();
    }

    private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, MediaType type, Object body) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(type);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    /**
     * Spring Security makes the CSRF token lazily; the UI's pages (and {@code /api/me}, which the UI asks first)
     * subscribe to it, so that the XSRF-TOKEN cookie is there before the first form is posted. Calls of the API
     * by scripts never create one. It runs inside the security chain, right after the CSRF filter, so that an
     * unauthenticated {@code /api/me} (after signing out) still gets a fresh token for the next sign-in.
     */
    WebFilter csrfCookieForTheUi() {
        return (exchange, chain) -> {
            String path = exchange.getRequest().getPath().value();
            boolean page = exchange.getRequest().getMethod() == HttpMethod.GET
                    && (!path.startsWith("/api/") || path.equals("/api/me")) && !path.startsWith("/actuator/");
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return page && token != null ? token.then(chain.filter(exchange)) : chain.filter(exchange);
        };
    }
}
