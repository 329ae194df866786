package casebook.operations;

import java.nio.charset.StandardCharsets;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * While an event log is imported into this Casebook, every command is refused with 503 and {@code Retry-After}:
 * the global sequence counter is set to the imported head only at the end, and a command's event could otherwise
 * take a position that the import is about to fill. Reads and the administrator's endpoints go on.
 */
@Component
@Order(-1)
class ImportGate implements WebFilter {

    private final OnlineImport onlineImport;

    ImportGate(OnlineImport onlineImport) {
        this.onlineImport = onlineImport;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        HttpMethod method = exchange.getRequest().getMethod();
        boolean command = path.startsWith("/api/") && !path.startsWith("/api/admin/")
                && !HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method) && !HttpMethod.OPTIONS.equals(method);
        if (!command || !onlineImport.running()) {
            return chain.filter(exchange);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        response.getHeaders().set("Retry-After", "60");
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body = "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                + "\"detail\":\"an event log is being imported; commands are taken again when it has finished\"}";
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }
}
