package casebook.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

/** While an import runs, commands are refused with 503; reads and the administrator's endpoints go on. */
class ImportGateTest {

    private boolean importing;
    private final ImportGate gate = new ImportGate(new OnlineImport(null, null, null) {
        @Override
        public boolean running() {
            return importing;
        }
    });

    private HttpStatus pass(HttpMethod method, String path) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.method(method, path));
        AtomicBoolean passed = new AtomicBoolean();
        gate.filter(exchange, e -> {
            passed.set(true);
            return Mono.empty();
        }).block();
        return passed.get() ? HttpStatus.OK : HttpStatus.valueOf(exchange.getResponse().getStatusCode().value());
    }

    @Test
    void commandsWaitForTheImportReadsDoNot() {
        importing = true;
        assertThat(pass(HttpMethod.POST, "/api/engagements")).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(pass(HttpMethod.PUT, "/api/engagements/e1/milestones/M0_5/plan")).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(pass(HttpMethod.GET, "/api/engagements/e1")).isEqualTo(HttpStatus.OK);
        assertThat(pass(HttpMethod.GET, "/api/admin/operations")).isEqualTo(HttpStatus.OK);
        assertThat(pass(HttpMethod.POST, "/api/admin/operations/verify")).isEqualTo(HttpStatus.OK);
        importing = false;
        assertThat(pass(HttpMethod.POST, "/api/engagements")).isEqualTo(HttpStatus.OK);
    }
}
