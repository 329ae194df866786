package casebook.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The browser UI's production sign-in through the division's identity provider (OpenID Connect, authorization-code
 * flow): the redirect dance ends in a session whose role, bureau and recorded actor come from the ID token's claims;
 * a person without a Casebook role is not signed in; a callback that no sign-in of this browser started is refused.
 */
class OidcSignInTest {

    @TempDir
    static Path data;
    static FakeIdentityProvider idp;
    static RunningCasebook app;

    @BeforeAll
    static void start() throws Exception {
        idp = new FakeIdentityProvider();
        app = RunningCasebook.start(data, idp.clientRegistration("division", "厚生労働省 職員ID").toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        app.close();
        idp.close();
    }

    /** The browser's part: start at Casebook, visit the provider, come back; the session cookie it ends with. */
    private static EntityExchangeResult<Void> signInThroughTheProvider(Map<String, Object> claims) {
        idp.signsInNext(claims);
        EntityExchangeResult<Void> start = app.anonymous().get().uri("/oauth2/authorization/division").exchange()
                .expectStatus().isFound().expectBody().isEmpty();
        URI toProvider = start.getResponseHeaders().getLocation();
        assertThat(toProvider.toString()).startsWith(idp.issuer() + "/authorize");
        ResponseCookie pending = start.getResponseCookies().getFirst("SESSION");
        // Sent back to Casebook from the provider's site: only a SameSite=Lax (or None) cookie comes along.
        assertThat(pending.getSameSite()).isEqualTo("Lax");
        assertThat(pending.isHttpOnly()).isTrue();

        URI back = WebClient.create().get().uri(toProvider).exchangeToMono(r -> {
            assertThat(r.statusCode()).isEqualTo(HttpStatus.FOUND);
            return reactor.core.publisher.Mono.just(r.headers().asHttpHeaders().getLocation());
        }).block();
        assertThat(back.getPath()).isEqualTo("/login/oauth2/code/division");
        return app.anonymous().get().uri(callback(back)).cookie("SESSION", pending.getValue())
                .exchange().expectStatus().isFound().expectBody().isEmpty();
    }

    /** The provider's redirect back, as the browser sends it (not expanded again as a URI template). */
    private static URI callback(URI back) {
        return URI.create(app.baseUrl() + back.getRawPath() + "?" + back.getRawQuery());
    }

    private static WebTestClient withSession(ResponseCookie session) {
        return app.anonymous().mutate().defaultCookie("SESSION", session.getValue()).build();
    }

    @Test
    void anOfficerSignsInThroughTheProviderAndActsAsTheTokenSays() {
        EntityExchangeResult<Void> back = signInThroughTheProvider(Map.of("preferred_username", "tanaka.hanako",
                "casebook_role", "CASE_OFFICER", "casebook_bureau", "kyushu"));
        assertThat(back.getResponseHeaders().getLocation()).hasToString("/");
        ResponseCookie session = back.getResponseCookies().getFirst("SESSION");
        assertThat(session).as("a new session id after signing in (no session fixation)").isNotNull();

        WebTestClient browser = withSession(session);
        browser.get().uri("/api/me").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo("tanaka.hanako")
                .jsonPath("$.role").isEqualTo("CASE_OFFICER")
                .jsonPath("$.bureau").isEqualTo("kyushu");

        // A command from that session, with the CSRF token the page hands out: the actor is the provider's user.
        ResponseCookie xsrf = browser.get().uri("/").exchange().expectStatus().isOk().returnResult(String.class)
                .getResponseCookies().getFirst("XSRF-TOKEN");
        Map<?, ?> created = browser.post().uri("/api/engagements").cookie("XSRF-TOKEN", xsrf.getValue())
                .header("X-XSRF-TOKEN", xsrf.getValue()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("programme", "KASOKUKA", "fiscalYear", 2026, "municipalityCode", "406015"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Document event = app.database().getCollection("events").find(new Document("sk", created.get("id") + ":0")).first();
        assertThat(event.getString("m")).contains("\"actor\":\"tanaka.hanako\"", "\"actorBureau\":\"kyushu\"",
                "\"actorRole\":\"CASE_OFFICER\"");
        // Without the token the same session cannot write.
        browser.post().uri("/api/engagements").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("programme", "KASOKUKA", "fiscalYear", 2026, "municipalityCode", "406015"))
                .exchange().expectStatus().isForbidden();
        // The bureau is the token's: another bureau's case is invisible.
        Map<?, ?> kanto = app.as("officer-kanto").post().uri("/api/engagements").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("programme", "KASOKUKA", "fiscalYear", 2026, "municipalityCode", "082341"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        browser.get().uri("/api/engagements/{id}", kanto.get("id")).exchange().expectStatus().isNotFound();
        browser.get().uri("/api/engagements/{id}", created.get("id")).exchange().expectStatus().isOk();
    }

    @Test
    void someoneWithoutACasebookRoleIsNotSignedIn() {
        EntityExchangeResult<Void> back = signInThroughTheProvider(Map.of("preferred_username", "visitor"));
        assertThat(back.getResponseHeaders().getLocation()).hasToString("/?signin=refused");
        ResponseCookie session = back.getResponseCookies().getFirst("SESSION");
        WebTestClient browser = session == null ? app.anonymous() : withSession(session);
        browser.get().uri("/api/me").exchange().expectStatus().isUnauthorized();

        // An officer's role without a bureau would see every bureau: refused as well.
        back = signInThroughTheProvider(Map.of("preferred_username", "nobureau", "casebook_role", "SUPERVISOR"));
        assertThat(back.getResponseHeaders().getLocation()).hasToString("/?signin=refused");
    }

    @Test
    void aCallbackThatThisBrowserDidNotStartIsRefused() {
        idp.signsInNext(Map.of("preferred_username", "tanaka.hanako", "casebook_role", "CASE_OFFICER",
                "casebook_bureau", "kyushu"));
        // An attacker's own sign-in, finished in the victim's browser (login CSRF): no pending sign-in in its session.
        URI toProvider = app.anonymous().get().uri("/oauth2/authorization/division").exchange().expectStatus().isFound()
                .expectBody().isEmpty().getResponseHeaders().getLocation();
        URI back = WebClient.create().get().uri(toProvider)
                .exchangeToMono(r -> reactor.core.publisher.Mono.just(r.headers().asHttpHeaders().getLocation())).block();
        EntityExchangeResult<Void> answer = app.anonymous().get().uri(callback(back)).exchange()
                .expectStatus().isFound().expectBody().isEmpty();
        assertThat(answer.getResponseHeaders().getLocation()).hasToString("/?signin=refused");
    }

    @Test
    void theSignInScreenIsToldWhichWaysExist() {
        app.anonymous().get().uri("/api/sign-in-options").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.password").isEqualTo(true)
                .jsonPath("$.providers[0].id").isEqualTo("division")
                .jsonPath("$.providers[0].name").isEqualTo("厚生労働省 職員ID")
                .jsonPath("$.providers[0].path").isEqualTo("/oauth2/authorization/division")
                .jsonPath("$.providers.length()").isEqualTo(1);
    }
}
