package casebook.security;

import casebook.eventstore.MongoEventStorageEngine;
import casebook.operations.ProjectionRebuild;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
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
 * The case's bureau comes from its audit-trail entry, looked up by id, or, for a case the audit trail has not
 * reached yet (just opened, or during a rebuild or a takeover of its segment), from the case's opening event in the
 * event store, which names the bureau the audit trail would take. Only a stored case whose opening event names no
 * bureau waits for the audit trail, and gets 503 rather than being let through if it does not come.
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

    /** Marks a case that the event store does not hold: the handler answers for it. */
    private static final Optional<String> UNKNOWN_CASE = Optional.of("\u0000no such case");
    private static final Duration CATCH_UP = Duration.ofSeconds(2);
    private static final Duration CATCH_UP_POLL = Duration.ofMillis(50);
    private static final int KNOWN_CASES = 50_000;

    /** The processing group whose read model (audit_cases) tells each case's bureau. */
    private static final String AUDIT_TRAIL = "casebook.audittrail";

    private final MongoCollection<Document> cases;
    private final ObjectProvider<ProjectionRebuild> rebuild;
    /** The payload of a case's opening event (empty: no such case): tells "not projected yet" from "no such case". */
    private final Function<String, Optional<String>> openingPayload;
    private final ObjectMapper json = new ObjectMapper();
    private final KnownBureaus known = new KnownBureaus(KNOWN_CASES);

    @Autowired
    BureauScope(MongoDatabase database, MongoEventStorageEngine eventStore, ObjectProvider<ProjectionRebuild> rebuild) {
        this(database, eventStore::openingPayload, rebuild);
    }

    BureauScope(MongoDatabase database, Function<String, Optional<String>> openingPayload,
                ObjectProvider<ProjectionRebuild> rebuild) {
        this.cases = database.getCollection("audit_cases");
        this.openingPayload = openingPayload;
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
            String knownBureau = known.get(caseId);
            if (knownBureau != null) { // decided without the database and without leaving this thread
                return knownBureau.equals(actor.bureau()) ? chain.filter(exchange) : notFound(exchange, caseId);
            }
            return Mono.fromCallable(() -> bureauOf(caseId)).subscribeOn(Schedulers.boundedElastic())
                    .flatMap(bureau -> bureau.isPresent() ? Mono.just(bureau) : notYetInTheAuditTrail(caseId))
                    .flatMap(bureau -> bureau.equals(UNKNOWN_CASE) || bureau.isPresent() && bureau.get().equals(actor.bureau())
                            ? chain.filter(exchange)
                            : bureau.isEmpty() ? unavailable(exchange) : notFound(exchange, caseId))
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

    /** The case's bureau as the audit trail knows it. */
    private Optional<String> bureauOf(String caseId) {
        Document doc = cases.find(new Document("_id", caseId)).first();
        String bureau = doc == null ? null : doc.getString("bureauCode");
        if (bureau != null) {
            known.put(caseId, bureau);
        }
        return Optional.ofNullable(bureau);
    }

    /**
     * A case the audit trail does not name (yet). If the event store has no such case either, the handler answers
     * (404). If it has, the bureau its opening event names decides at once: measured on the national benchmark, the
     * second command of every new case used to wait here 50-150 ms for the audit trail to reach the first (6 % of a
     * single client's commands took over 50 ms, none of them in its command handler). Only an opening event that
     * names no bureau waits a moment for the audit trail, and gets 503 rather than let a scoped user through to a
     * case whose bureau is not known.
     */
    private Mono<Optional<String>> notYetInTheAuditTrail(String caseId) {
        return Mono.fromCallable(() -> openingPayload.apply(caseId)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(opening -> opening.isEmpty() ? Mono.just(UNKNOWN_CASE)
                        : bureauNamedBy(opening.get()).map(bureau -> {
                            known.put(caseId, bureau);
                            return Mono.just(Optional.of(bureau));
                        })
                        .orElseGet(() -> awaitAuditTrail(caseId)));
    }

    private Optional<String> bureauNamedBy(String openingPayload) {
        try {
            JsonNode bureau = json.readTree(openingPayload).path("bureauCode");
            return bureau.isTextual() && !bureau.textValue().isBlank() ? Optional.of(bureau.textValue()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private Mono<Optional<String>> awaitAuditTrail(String caseId) {
        if (auditTrailRebuilding()) {
            return Mono.just(Optional.empty());
        }
        // Each look-up is made CATCH_UP_POLL after the previous one has answered, never on a fixed tick: under load a
        // look-up can take longer than the poll interval, and a ticking Flux.interval then fails with an overflow (500).
        return Mono.fromCallable(() -> bureauOf(caseId)).subscribeOn(Schedulers.boundedElastic())
                .filter(Optional::isPresent)
                .repeatWhenEmpty(empty -> empty.delayElements(CATCH_UP_POLL).take(CATCH_UP.dividedBy(CATCH_UP_POLL)))
                .defaultIfEmpty(Optional.empty());
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
                + "\"detail\":\"the audit trail has not caught up with this case yet (it is being rebuilt, or its instance is being replaced); try again shortly\"}";
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
