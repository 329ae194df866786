package casebook.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The browser UI's sign-in: a form, a session cookie, and CSRF protection for everything that cookie
 * authenticates. A request that rides on the cookie without the token is refused and writes nothing.
 */
class BrowserSessionTest {

    @TempDir
    static Path data;
    static RunningCasebook app;

    @BeforeAll
    static void start() {
        app = RunningCasebook.start(data);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theSessionCookieWorksOnlyWithTheCsrfToken() {
        // The page hands out the CSRF token as a cookie the UI's script can read.
        ResponseCookie xsrf = app.anonymous().get().uri("/").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseCookies().getFirst("XSRF-TOKEN");
        assertThat(xsrf).isNotNull();
        assertThat(xsrf.isHttpOnly()).isFalse();

        // Signing in without the token is refused (no login CSRF).
        app.anonymous().post().uri("/login").cookie("XSRF-TOKEN", xsrf.getValue())
                .body(BodyInserters.fromFormData("username", "officer-kyushu").with("password", "demo"))
                .exchange().expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        // A wrong password: 401, as JSON for the script, no Basic challenge.
        app.anonymous().post().uri("/login").cookie("XSRF-TOKEN", xsrf.getValue()).header("X-XSRF-TOKEN", xsrf.getValue())
                .body(BodyInserters.fromFormData("username", "officer-kyushu").with("password", "nope"))
                .exchange().expectStatus().isUnauthorized().expectHeader().doesNotExist("WWW-Authenticate");

        EntityExchangeResult<Map> signedIn = app.anonymous().post().uri("/login").cookie("XSRF-TOKEN", xsrf.getValue())
                .header("X-XSRF-TOKEN", xsrf.getValue())
                .body(BodyInserters.fromFormData("username", "officer-kyushu").with("password", "demo"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult();
        assertThat(signedIn.getResponseBody()).containsEntry("name", "officer-kyushu").containsEntry("bureau", "kyushu");
        ResponseCookie session = signedIn.getResponseCookies().getFirst("SESSION");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");

        app.anonymous().get().uri("/api/me").cookie("SESSION", session.getValue()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.role").isEqualTo("CASE_OFFICER");

        // A command riding on the cookie without the token: refused, nothing written.
        long before = app.storedEvents();
        Map<String, Object> register = Map.of("programme", "ADVISOR_DISPATCH", "fiscalYear", 2026, "municipalityCode", "406015",
                "themes", List.of());
        app.anonymous().post().uri("/api/engagements").cookie("SESSION", session.getValue())
                .cookie("XSRF-TOKEN", xsrf.getValue()).contentType(MediaType.APPLICATION_JSON).bodyValue(register)
                .exchange().expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(app.storedEvents()).isEqualTo(before);

        // With the token: recorded, and the actor is the signed-in user.
        String id = (String) app.anonymous().post().uri("/api/engagements").cookie("SESSION", session.getValue())
                .cookie("XSRF-TOKEN", xsrf.getValue()).header("X-XSRF-TOKEN", xsrf.getValue())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(register)
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        app.as("officer-kyushu").get().uri("/api/cases/" + id + "/timeline").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].actor").isEqualTo("officer-kyushu");

        // Signing out ends the session.
        app.anonymous().post().uri("/logout").cookie("SESSION", session.getValue()).cookie("XSRF-TOKEN", xsrf.getValue())
                .header("X-XSRF-TOKEN", xsrf.getValue()).exchange().expectStatus().isNoContent();
        app.anonymous().get().uri("/api/me").cookie("SESSION", session.getValue()).header("X-Requested-With", "XMLHttpRequest")
                .exchange().expectStatus().isUnauthorized().expectHeader().doesNotExist("WWW-Authenticate");
    }

    @Test
    void scriptsWithBasicCredentialsNeedNoToken() {
        app.anonymous().get().uri("/api/me").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Basic realm=\"Casebook\"");
        app.as("officer-kyushu").post().uri("/api/engagements").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("programme", "ADVISOR_DISPATCH", "fiscalYear", 2026, "municipalityCode", "402036"))
                .exchange().expectStatus().isCreated();
    }
}
