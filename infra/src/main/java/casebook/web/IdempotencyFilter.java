package casebook.web;

import casebook.eventstore.Durability;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.bson.types.Binary;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code Idempotency-Key} on POST and PUT (CONTRACT.md): the same key with the same request returns the
 * first answer and sends no command; the same key with another request is a 409. Records live in
 * MongoDB, keyed by user and key, so they survive a restart, for a week by default (then the key is new again);
 * a record is claimed before the command runs, so two concurrent requests with one key cannot both execute.
 */
@Component
@Order(0)
class IdempotencyFilter implements WebFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    /** The same limit as the JSON codecs (spring.codec.max-in-memory-size). */
    private static final int MAX_BODY = 256 * 1024;
    /** Far longer than a command takes, read-your-writes wait included. */
    private static final Duration INTERRUPTED_AFTER = Duration.ofMinutes(2);

    /** How often records past their retention are deleted (by whichever request comes first after that). */
    private static final Duration SWEEP_EVERY = Duration.ofHours(1);

    private final MongoCollection<Document> records;
    private final Durability durability;
    private final Duration retention;
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);

    IdempotencyFilter(MongoDatabase database, Durability durability,
                      @Value("${casebook.idempotency-retention:7d}") Duration retention) {
        this.records = database.getCollection("idempotency_keys");
        this.durability = durability;
        this.retention = retention;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String key = exchange.getRequest().getHeaders().getFirst(HEADER);
        HttpMethod method = exchange.getRequest().getMethod();
        if (key == null || !(HttpMethod.POST.equals(method) || HttpMethod.PUT.equals(method))
                || !exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        if (key.isBlank() || key.length() > 100 || key.chars().anyMatch(Character::isISOControl)) {
            return problem(exchange, HttpStatus.BAD_REQUEST, "Idempotency-Key must be 1 to 100 printable characters", HEADER);
        }
        return exchange.getPrincipal().map(p -> p.getName()).defaultIfEmpty("anonymous").flatMap(user ->
                DataBufferUtils.join(exchange.getRequest().getBody(), MAX_BODY).map(IdempotencyFilter::bytes).defaultIfEmpty(new byte[0])
                        .flatMap(body -> {
                            String id = user + "\u0000" + key;
                            String fingerprint = fingerprint(method + " " + exchange.getRequest().getPath().value(), body);
                            return Mono.fromCallable(() -> claim(id, fingerprint)).subscribeOn(Schedulers.boundedElastic())
                                    .flatMap(existing -> existing.isEmpty()
                                            ? proceed(exchange, chain, id, body)
                                            : answer(exchange, existing.get(), fingerprint));
                        })
                        .onErrorResume(DataBufferLimitException.class,
                                e -> problem(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "the request body is too large", null)));
    }

    /** Empty when the key is ours to use now; otherwise the record already held for it. */
    private Optional<Document> claim(String id, String fingerprint) {
        sweepWhenDue();
        try {
            records.insertOne(new Document("_id", id).append("fingerprint", fingerprint).append("state", "PENDING")
                    .append("createdAt", Instant.now().toString()));
            return Optional.empty();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Freed between our insert and this read: the caller's retry will claim it.
            return Optional.ofNullable(records.find(new Document("_id", id)).first())
                    .or(() -> Optional.of(new Document("fingerprint", fingerprint).append("state", "PENDING")));
        }
    }

    private Mono<Void> answer(ServerWebExchange exchange, Document record, String fingerprint) {
        if (!fingerprint.equals(record.getString("fingerprint"))) {
            return problem(exchange, HttpStatus.CONFLICT, "this Idempotency-Key was used with a different request", HEADER);
        }
        if (!"DONE".equals(record.getString("state"))) {
            return problem(exchange, HttpStatus.CONFLICT, interrupted(record)
                    ? "a request with this Idempotency-Key was interrupted (Casebook stopped) before it was answered; it may"
                    + " or may not have taken effect: check the case, then send again with a new key"
                    : "a request with this Idempotency-Key is still in progress", HEADER);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.valueOf(record.getInteger("status")));
        response.getHeaders().set("Idempotent-Replay", "true");
        if (record.getString("contentType") != null) {
            response.getHeaders().set(HttpHeaders.CONTENT_TYPE, record.getString("contentType"));
        }
        if (record.getString("location") != null) {
            response.getHeaders().set(HttpHeaders.LOCATION, record.getString("location"));
        }
        byte[] body = record.get("body", Binary.class).getData();
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /**
     * Deletes the records older than the retention (CASEBOOK_IDEMPOTENCY_RETENTION, a week): a client retries within
     * seconds or minutes, while every command the browser UI sends carries a key, so kept forever the records would
     * grow with the event log. At most once an hour per instance, on the request's worker thread (off the event loop)
     * before its claim, so the sweep's cost is one range delete over a week's records. {@code createdAt} is an
     * ISO-8601 instant and compares as text, exact to the second, which is all a retention of days needs.
     */
    private void sweepWhenDue() {
        Instant now = Instant.now();
        Instant last = lastSweep.get();
        if (now.isBefore(last.plus(SWEEP_EVERY)) || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        String cutoff = now.minus(retention).truncatedTo(ChronoUnit.SECONDS).toString();
        long deleted = records.deleteMany(Filters.lt("createdAt", cutoff)).getDeletedCount();
        if (deleted > 0) {
            log.info("deleted {} Idempotency-Key records older than {}", deleted, retention);
        }
    }

    /**
     * A claim older than any request can take was left by a process that stopped between running the command and
     * recording its answer. Whether the command's event was stored is not known here, so the key is not handed out
     * again (a second run could record a step twice); the client is told to look and use a new key.
     */
    private static boolean interrupted(Document record) {
        String created = record.getString("createdAt");
        return created != null && Instant.parse(created).isBefore(Instant.now().minus(INTERRUPTED_AFTER));
    }

    private Mono<Void> proceed(ServerWebExchange exchange, WebFilterChain chain, String id, byte[] body) {
        ServerHttpRequestDecorator request = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
        ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> content) {
                return DataBufferUtils.join(Flux.from(content)).flatMap(buffer -> {
                    byte[] written = bytes(buffer);
                    return Mono.fromRunnable(() -> remember(id, getStatusCode() == null ? 200 : getStatusCode().value(),
                                    getHeaders(), written)).subscribeOn(Schedulers.boundedElastic())
                            .then(super.writeWith(Mono.just(bufferFactory().wrap(written))));
                });
            }
        };
        return chain.filter(exchange.mutate().request(request).response(response).build())
                .onErrorResume(e -> forget(id).then(Mono.error(e)));
    }

    /** Successful answers are kept for replay; a failure frees the key so the client may try again. */
    private void remember(String id, int status, HttpHeaders headers, byte[] body) {
        if (status >= 200 && status < 300) {
            records.updateOne(new Document("_id", id), new Document("$set", new Document("state", "DONE")
                    .append("status", status).append("body", new Binary(body))
                    .append("contentType", headers.getFirst(HttpHeaders.CONTENT_TYPE))
                    .append("location", headers.getFirst(HttpHeaders.LOCATION))));
            durability.flush();
        } else {
            records.deleteOne(new Document("_id", id));
        }
    }

    private Mono<Void> forget(String id) {
        return Mono.fromRunnable(() -> records.deleteOne(new Document("_id", id))).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private static byte[] bytes(DataBuffer buffer) {
        byte[] b = new byte[buffer.readableByteCount()];
        buffer.read(b);
        DataBufferUtils.release(buffer);
        return b;
    }

    private static String fingerprint(String target, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(target.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The problem names {@code field} only when the fault is in one (the key); a body too large has none. */
    private static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String detail, String field) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String errors = field == null ? ""
                : ",\"errors\":[{\"field\":\"" + field + "\",\"message\":\"" + detail + "\"}]";
        String json = "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\"" + errors + "}";
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json.getBytes(StandardCharsets.UTF_8))));
    }
}
