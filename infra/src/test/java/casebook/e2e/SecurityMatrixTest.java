package casebook.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import casebook.demo.DemoScenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Walks the endpoint table of docs/SECURITY.md: every row × every demo user × (a case of the user's own bureau,
 * a case of another bureau), plus every row unauthenticated, and compares the authorization decision: passed
 * through to the handler, 403, 404 as if the case did not exist, or 401. Every response must carry the
 * security headers. The table lives in {@link SecurityMatrix}; keep it and docs/SECURITY.md in step.
 */
class SecurityMatrixTest {

    @TempDir
    static Path data;
    static RunningCasebook app;
    /** Case ids per bureau and case kind. */
    static final Map<String, Map<SecurityMatrix.Kind, String>> CASES = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        // Live matrix streams end after a second here, so that the test can read each answer to its end.
        app = RunningCasebook.start(data, "casebook.demo-data=true", "casebook.live.stream-lifetime=1s");
        CASES.put("kyushu", cases(DemoScenario.engagementId("F01"), DemoScenario.grantCaseId("G05"), "officer-kyushu", "406015"));
        CASES.put("kantoshinetsu", cases(DemoScenario.engagementId("F06"), DemoScenario.grantCaseId("G01"), "officer-kanto", "082341"));
        // Wait until the fresh cases are known with their bureau (the scope filter looks them up).
        awaitHidden("officer-kyushu", "/api/inquiries/" + CASES.get("kantoshinetsu").get(SecurityMatrix.Kind.INQUIRY));
        awaitHidden("officer-kyushu", "/api/consultations/" + CASES.get("kantoshinetsu").get(SecurityMatrix.Kind.CONSULTATION));
        awaitHidden("officer-kanto", "/api/inquiries/" + CASES.get("kyushu").get(SecurityMatrix.Kind.INQUIRY));
        awaitHidden("officer-kanto", "/api/consultations/" + CASES.get("kyushu").get(SecurityMatrix.Kind.CONSULTATION));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static Map<SecurityMatrix.Kind, String> cases(String engagement, String grant, String officer, String municipality) {
        WebTestClient client = app.as(officer);
        String inquiry = (String) client.post().uri("/api/inquiries").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("fromKind", "MUNICIPALITY", "fromCode", municipality, "channel", "EMAIL",
                        "receivedOn", "2026-11-02", "subject", "権限確認", "question", "権限確認用の問合せ"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        String consultation = (String) client.post().uri("/api/consultations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("municipalityCode", municipality, "fiscalYear", 2025, "capInputs",
                        Map.of("baselineActual", 180_000_000, "growthRate75Plus", 1.021, "capAmount", 183_780_000),
                        "plannedCost", 195_000_000, "excessAmount", 11_220_000, "reason", "SPECIAL_CIRCUMSTANCE"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        return Map.of(SecurityMatrix.Kind.ENGAGEMENT, engagement, SecurityMatrix.Kind.GRANT, grant,
                SecurityMatrix.Kind.INQUIRY, inquiry, SecurityMatrix.Kind.CONSULTATION, consultation);
    }

    private static void awaitHidden(String user, String uri) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            EntityExchangeResult<String> r = app.as(user).get().uri(uri).exchange().expectBody(String.class).returnResult();
            if (r.getStatus().value() == 404 && r.getResponseBody() != null && r.getResponseBody().contains("unknown case")) {
                return;
            }
            assertThat(System.nanoTime()).as("%s never became invisible to %s", uri, user).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void everyRoleOnEveryEndpointForItsOwnAndAnotherBureau() {
        List<String> differences = new ArrayList<>();
        int tried = 0;
        for (SecurityMatrix.Row row : SecurityMatrix.ROWS) {
            // Unauthenticated: 401, whatever the case.
            tried++;
            check(differences, row, "(anonymous)", "kyushu", app.anonymous(), SecurityMatrix.Outcome.UNAUTHENTICATED);
            for (SecurityMatrix.User user : SecurityMatrix.USERS) {
                for (String bureau : CASES.keySet()) {
                    boolean own = user.bureau() == null || user.bureau().equals(bureau);
                    if (row.scope() == SecurityMatrix.Scope.NONE && !bureau.equals("kyushu")) {
                        continue; // no case in this request: one try per user is enough
                    }
                    tried++;
                    check(differences, row, user.name(), bureau, app.as(user.name()), row.expected(user, own));
                }
            }
        }
        System.out.printf("SecurityMatrixTest: %d endpoints, %d users, %d requests tried, %d differences%n",
                SecurityMatrix.ROWS.size(), SecurityMatrix.USERS.size(), tried, differences.size());
        assertThat(differences).as("differences from the matrix of docs/SECURITY.md").isEmpty();
    }

    private static void check(List<String> differences, SecurityMatrix.Row row, String user, String bureau,
                              WebTestClient client, SecurityMatrix.Outcome expected) {
        Map<SecurityMatrix.Kind, String> ids = CASES.get(bureau);
        String uri = row.uri(ids, bureau);
        String caseId = row.caseId(ids);
        WebTestClient.RequestBodySpec request = client.method(row.method()).uri(uri);
        Object body = row.body(bureau);
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        EntityExchangeResult<String> result = ready.exchange().expectBody(String.class).returnResult();
        int status = result.getStatus().value();
        String text = result.getResponseBody() == null ? "" : result.getResponseBody();
        boolean hidden = status == 404 && caseId != null && text.contains("unknown case " + caseId);
        boolean ok = switch (expected) {
            case UNAUTHENTICATED -> status == 401;
            case FORBIDDEN -> status == 403;
            case HIDDEN -> hidden;
            case ALLOWED -> row.method() == HttpMethod.GET ? status == 200
                    : (result.getStatus().is2xxSuccessful() || Set.of(400, 404, 409, 412, 428).contains(status)) && !hidden;
        };
        String at = row.method() + " " + uri + " as " + user + " (" + bureau + ")";
        if (!ok) {
            differences.add(at + ": expected " + expected + ", got " + status + " "
                    + text.substring(0, Math.min(200, text.length())));
        }
        HttpHeaders headers = result.getResponseHeaders();
        String csp = headers.getFirst("Content-Security-Policy");
        if (csp == null || !csp.contains("frame-ancestors 'none'") || !csp.contains("default-src 'self'")
                || !"nosniff".equals(headers.getFirst("X-Content-Type-Options"))
                || !"DENY".equals(headers.getFirst("X-Frame-Options"))
                || !"no-referrer".equals(headers.getFirst("Referrer-Policy"))) {
            differences.add(at + ": security headers missing: " + headers);
        }
    }

    @Test
    void theOpenPagesCarryTheHeadersToo() {
        for (String uri : new String[] {"/actuator/health", "/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html", "/",
                "/assets/app.css", "/assets/js/app.js", "/api/sign-in-options"}) {
            EntityExchangeResult<byte[]> r = app.anonymous().get().uri(uri).exchange().expectBody().returnResult();
            assertThat(r.getStatus().value()).as(uri).isLessThan(400);
            assertThat(r.getResponseHeaders().getFirst("Content-Security-Policy")).as(uri)
                    .contains("frame-ancestors 'none'", "object-src 'none'");
            assertThat(r.getResponseHeaders().getFirst("X-Content-Type-Options")).as(uri).isEqualTo("nosniff");
        }
        assertThat(app.anonymous().get().uri("/swagger-ui/index.html").exchange().expectBody().returnResult()
                .getResponseHeaders().getFirst("Content-Security-Policy")).contains("style-src 'self' 'unsafe-inline'");
        assertThat(app.anonymous().get().uri("/api/engagements").exchange().expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED)
                .expectBody().returnResult().getResponseHeaders().getFirst("Content-Security-Policy"))
                .isEqualTo("default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'");
    }
}
