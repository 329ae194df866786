package casebook.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import casebook.operations.ProjectionRebuild;
import com.mongodb.client.MongoClient;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * audit_cases (the bureau of each case) lags the event store: just after a case is opened, while the audit trail is
 * rebuilt, while a segment is taken over. A case it does not name yet is decided by the bureau its opening event
 * names; only an opening event naming none makes a scoped user wait for the audit trail, or get 503 instead of being
 * let through.
 */
class BureauScopeDuringRebuildTest {

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private final ProjectionRebuild rebuild = mock(ProjectionRebuild.class);
    private BureauScope scope;
    /** The cases the event store holds: id → the payload of its opening event. */
    private final Map<String, String> storedCases = new ConcurrentHashMap<>();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        database = client.getDatabase("casebook");
        database.getCollection("audit_cases").insertOne(new Document("_id", "known-kyushu").append("bureauCode", "kyushu"));
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("projectionRebuild", rebuild);
        scope = new BureauScope(database, this::openingPayload, beans.getBeanProvider(ProjectionRebuild.class));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aCaseTheAuditTrailHasNotReachedIsDecidedAtOnceByTheBureauItsOpeningEventNames() {
        when(rebuild.rebuilding("casebook.audittrail")).thenReturn(false);
        storedCases.put("kanto-just-opened", "{\"engagementId\":\"kanto-just-opened\",\"bureauCode\":\"kantoshinetsu\"}");
        assertScopedToKanto("/api/engagements/kanto-just-opened/selection");
        // The same while the audit trail is rebuilt: the event store holds every case whatever the read models hold.
        when(rebuild.rebuilding("casebook.audittrail")).thenReturn(true);
        assertScopedToKanto("/api/engagements/kanto-just-opened");
    }

    @Test
    void aCaseWhoseOpeningEventNamesNoBureauIsUnavailableToAnOfficerWhileTheAuditTrailIsRebuilt() {
        when(rebuild.rebuilding("casebook.audittrail")).thenReturn(true);
        storedCases.put("not-replayed-yet", "{\"engagementId\":\"not-replayed-yet\"}");
        Outcome o = request("officer-kyushu", Role.CASE_OFFICER, "kyushu", "/api/engagements/not-replayed-yet/selection");
        assertThat(o.passed()).isFalse();
        assertThat(o.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(o.exchange().getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("30");
        // A case already replayed is decided as usual; auditors are not scoped.
        assertThat(request("officer-kyushu", Role.CASE_OFFICER, "kyushu", "/api/engagements/known-kyushu").passed()).isTrue();
        assertThat(request("officer-kanto", Role.CASE_OFFICER, "kantoshinetsu", "/api/engagements/known-kyushu").status())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(request("auditor", Role.AUDITOR, Actor.ALL_BUREAUS, "/api/engagements/not-replayed-yet").passed()).isTrue();
    }

    @Test
    void aCaseTheEventStoreDoesNotHoldIsLeftToTheHandler() {
        when(rebuild.rebuilding("casebook.audittrail")).thenReturn(false);
        assertThat(request("officer-kyushu", Role.CASE_OFFICER, "kyushu", "/api/engagements/no-such-case").passed()).isTrue();
        when(rebuild.rebuilding("casebook.audittrail")).thenReturn(true);
        assertThat(request("officer-kyushu", Role.CASE_OFFICER, "kyushu", "/api/engagements/no-such-case").passed()).isTrue();
    }

    @Test
    void aStoredCaseWhoseOpeningEventNamesNoBureauIsAwaitedInTheAuditTrailAndOtherwiseUnavailable() {
        when(rebuild.rebuilding("casebook.audittrail")).thenReturn(false);
        // Stored, but the audit trail never names it (start-up replay after a restore): 503, not let through.
        storedCases.put("kanto-not-replayed", "{}");
        Outcome o = request("officer-kyushu", Role.CASE_OFFICER, "kyushu", "/api/engagements/kanto-not-replayed/selection");
        assertThat(o.passed()).isFalse();
        assertThat(o.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        // Stored, and the audit trail names it a moment later (just opened): decided by its bureau.
        storedCases.put("kanto-just-opened", "not JSON");
        CompletableFuture.runAsync(() -> database.getCollection("audit_cases")
                .insertOne(new Document("_id", "kanto-just-opened").append("bureauCode", "kantoshinetsu")),
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
        assertScopedToKanto("/api/engagements/kanto-just-opened");
    }

    @Test
    void aCaseWhoseBureauIsKnownIsDecidedWithoutAskingTheDatabaseAgain() {
        when(rebuild.rebuilding("casebook.audittrail")).thenReturn(false);
        database.getCollection("audit_cases").insertOne(new Document("_id", "kanto-seen").append("bureauCode", "kantoshinetsu"));
        storedCases.put("kanto-opened", "{\"bureauCode\":\"kantoshinetsu\"}");
        assertScopedToKanto("/api/engagements/kanto-seen");
        assertScopedToKanto("/api/engagements/kanto-opened");
        // Neither the audit trail nor the event store is asked again: with both gone the cases stay Kanto's, where a
        // fresh look-up would find no such case and let the Kyushu officer through to the handler.
        database.getCollection("audit_cases").deleteMany(new Document());
        storedCases.clear();
        assertScopedToKanto("/api/engagements/kanto-seen/selection");
        assertScopedToKanto("/api/engagements/kanto-opened");
        assertThat(request("officer-kyushu", Role.CASE_OFFICER, "kyushu", "/api/engagements/never-seen").passed()).isTrue();
    }

    /**
     * Under load a look-up of audit_cases can take longer than the 50 ms between polls. The scope must then poll
     * again after the slow answer, not fail the request (a ticking interval overflowed and answered 500).
     */
    @Test
    void aSlowAuditTrailLookUpIsPolledAgainRatherThanFailingTheRequest() {
        when(rebuild.rebuilding("casebook.audittrail")).thenReturn(false);
        storedCases.put("slowly-replayed", "{\"bureauCode\":null}");
        MongoDatabase slow = mock(MongoDatabase.class);
        @SuppressWarnings("unchecked")
        MongoCollection<Document> auditCases = mock(MongoCollection.class);
        @SuppressWarnings("unchecked")
        FindIterable<Document> found = mock(FindIterable.class);
        when(slow.getCollection("audit_cases")).thenReturn(auditCases);
        when(auditCases.find(any(Bson.class))).thenReturn(found);
        AtomicInteger lookUps = new AtomicInteger();
        when(found.first()).thenAnswer(call -> {
            Thread.sleep(120); // a busy database: each answer takes longer than the poll interval
            return lookUps.incrementAndGet() < 4 ? null : new Document("_id", "slowly-replayed").append("bureauCode", "kyushu");
        });
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("projectionRebuild", rebuild);
        scope = new BureauScope(slow, this::openingPayload, beans.getBeanProvider(ProjectionRebuild.class));

        assertThat(request("officer-kyushu", Role.CASE_OFFICER, "kyushu", "/api/engagements/slowly-replayed/selection").passed())
                .isTrue();
        assertThat(lookUps).hasValue(4);
    }

    /** A Kyushu officer gets 404 for the path, as for a case of another bureau; a Kanto officer is let through. */
    private void assertScopedToKanto(String path) {
        Outcome other = request("officer-kyushu", Role.CASE_OFFICER, "kyushu", path);
        assertThat(other.passed()).isFalse();
        assertThat(other.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(request("officer-kanto", Role.CASE_OFFICER, "kantoshinetsu", path).passed()).isTrue();
    }

    private Optional<String> openingPayload(String caseId) {
        return Optional.ofNullable(storedCases.get(caseId));
    }

    private record Outcome(boolean passed, HttpStatus status, ServerWebExchange exchange) {
    }

    private Outcome request(String user, Role role, String bureau, String path) {
        DemoUser principal = new DemoUser(user, "", role, bureau);
        var authentication = new UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities());
        ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post(path)).mutate()
                .principal(Mono.just(authentication)).build();
        AtomicBoolean passed = new AtomicBoolean();
        scope.filter(exchange, e -> {
            passed.set(true);
            return Mono.empty();
        }).block();
        HttpStatus status = exchange.getResponse().getStatusCode() == null ? null
                : HttpStatus.valueOf(exchange.getResponse().getStatusCode().value());
        return new Outcome(passed.get(), status, exchange);
    }
}
