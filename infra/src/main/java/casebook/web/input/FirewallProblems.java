package casebook.web.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's firewall refuses hostile request lines (encoded slashes, {@code ..}, NUL, encoded percent
 * signs in the path, ...) before any handler runs; by default with a bare 400. This answers them like every other
 * error (CONTRACT.md): 400 problem+json. Installed on the security filter chain's proxy as it is created, with the
 * firewall itself, whose header rule is checked without regular expressions ({@link HeaderCharacters}).
 */
@Component
class FirewallProblems implements BeanPostProcessor {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof WebFilterChainProxy proxy) {
            proxy.setFirewall(HeaderCharacters.firewall());
            proxy.setExchangeRejectedHandler(new ProblemRejection());
        }
        return bean;
    }

    static final class ProblemRejection implements ServerExchangeRejectedHandler {

        @Override
        public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
            ServerHttpResponse response = exchange.getResponse();
            if (response.isCommitted()) {
                return Mono.empty();
            }
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", HttpStatus.BAD_REQUEST.getReasonPhrase());
            problem.put("status", HttpStatus.BAD_REQUEST.value());
            // The firewall's own reason names the refused pattern, never the whole request.
            problem.put("detail", "the request was rejected: " + rejected.getMessage());
            byte[] body;
            try {
                body = JSON.writeValueAsBytes(problem);
            } catch (JsonProcessingException e) {
                body = "{\"status\":400,\"title\":\"Bad Request\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            response.setStatusCode(HttpStatus.BAD_REQUEST);
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            // The request's body has not been read: close the connection rather than leave it to be reused
            // with unread bytes (the fuzz test saw such a kept-alive connection hang the next request on it).
            response.getHeaders().set(HttpHeaders.CONNECTION, "close");
            return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
        }
    }
}
