package casebook.security;

import casebook.operations.ProjectionRebuild;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Officers and supervisors work on the cases of their own bureau: a case of another bureau is invisible to
 * them (404, as if it did not exist), and lists show their bureau only. Auditors and admins see every bureau.
 * The case's bureau comes from its audit-trail entry, looked up by id. While the audit trail is rebuilt
 * ({@code POST /api/admin/operations/rebuild/casebook.audittrail}) a case may be missing from it for a while; a
 * scoped user naming such a case gets 503 rather than being let through to a case of another bureau.
 */
@Component
@Order(1)
class BureauScope implements WebFilter {

    private static final Pattern CASE_PATH = Pattern.compile("^/api/(engagements|grant-cases|inquiries|consultations|cases)/([^/]+)(/.*)?$");
    private static final Set<String> CASE_QUERY_PATHS = Set.of("/api/exports/timeline.csv", "/api/exports/timeline.jsonl",
            "/api/audit/verify");
    /** Lists that take a bureau: a scoped user gets their own, whatever they asked for. */
    private static final Set<String> BUREAU_LISTS = Set.of("/api/engagements", "/api/progress/matrix",
            "/api/progress/matrix/stream", "/api/homework",
            "/api/limits", "/api/grant-cases", "/api/grants/deadlines", "/api/grants/pending-approvals", "/api/inquiries",
            "/api/consultations", "/api/audit/controls", "/api/audit/retention");

    /** The processing group whose read model (audit_cases) tells each case's bureau. */
    private static final String AUDIT_TRAIL = "casebook.audittrail";

    private final MongoCollection<Document> cases;
    private final ObjectProvider<ProjectionRebuild> rebuild;

    BureauScope(MongoDatabase database, ObjectProvider<ProjectionRebuild> rebuild) {
        this.cases = database.getCollection("audit_cases");
        this.rebuild = rebuild;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!path.startsWith("/api/")) {
            return chain.filter(exchange);
        }
        // Mono<Void> completes empty: decide first, then run the chain exactly once.
        return exchange.getPrincipal().cast(Authentication.class).map(Actor::of)
                .filter(actor -> !Actor.ALL_BUREAUS.equals(actor.bureau()))
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(actor -> actor.isPresent() ? scoped(exchange, chain, path, actor.get()) : chain.filter(exchange));
    }

    private Mono<Void> scoped(ServerWebExchange exchange, WebFilterChain chain, String path, Actor actor) {
        String caseId = caseIdOf(exchange, path);
        if (caseId != null) {
            return Mono.fromCallable(() -> bureauOf(caseId)).subscribeOn(Schedulers.boundedElastic())
                    .flatMap(bureau -> bureau.isEmpty() && auditTrailRebuilding()
                            ? unavailable(exchange)
                            : bureau.isEmpty() || bureau.get(0).equals(actor.bureau())
                            ? chain.filter(exchange)
                            : notFound(exchange, caseId))
                    .then();
        }
        if (BUREAU_LISTS.contains(path) && "GET".equals(exchange.getRequest().getMethod().name())) {
            var uri = UriComponentsBuilder.fromUri(exchange.getRequest().getURI()).replaceQueryParam("bureau", actor.bureau())
                    .build(true).toUri();
            return chain.filter(exchange.mutate().request(r -> r.uri(uri)).build());
        }
        return chain.filter(exchange);
    }

    private static String caseIdOf(ServerWebExchange exchange, String path) {
        Matcher m = CASE_PATH.matcher(path);
        if (m.matches()) {
            return m.group(2);
        }
        return CASE_QUERY_PATHS.contains(path) ? exchange.getRequest().getQueryParams().getFirst("caseId") : null;
    }

    /** The case's bureau, or an empty list for a case not (yet) known: the handler answers for those. */
    private List<String> bureauOf(String caseId) {
        Document doc = cases.find(new Document("_id", caseId)).first();
        return doc == null || doc.getString("bureauCode") == null ? List.of() : List.of(doc.getString("bureauCode"));
    }

    private boolean auditTrailRebuilding() {
        ProjectionRebuild r = rebuild.getIfAvailable();
        return r != null && r.rebuilding(AUDIT_TRAIL);
    }

    private static Mono<Void> unavailable(ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        response.getHeaders().set("Retry-After", "30");
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body = "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                + "\"detail\":\"the audit trail is being rebuilt; try again shortly\"}";
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }

    private static Mono<Void> notFound(ServerWebExchange exchange, String caseId) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.NOT_FOUND);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"unknown case "
                + caseId.replaceAll("[^A-Za-z0-9-]", "") + "\"}";
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }
}
