package casebook.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import casebook.embedded.EmbeddedMongo;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Browser sessions live in the database (web_sessions), not in one process's memory. In a class of its own: closing
 * one of several applications in a JVM stops Reactor Netty's shared resources under any other still running.
 */
class BrowserSessionSharedTest {

    /**
     * Sessions live in the database (web_sessions): a restart, or another instance behind the load balancer, keeps
     * the user signed in. The second instance here shares the first one's embedded server, as ScaleOutTest's
     * instances share theirs, and has no demo users of its own: it trusts the session, not a password.
     */
    @Test
    void aSignedInUserStaysSignedInAcrossARestartAndOnAnotherInstance(@TempDir Path own, @TempDir Path other) {
        String session;
        String xsrf;
        try (RunningCasebook first = RunningCasebook.start(own)) {
            xsrf = first.anonymous().get().uri("/").exchange().expectStatus().isOk()
                    .returnResult(String.class).getResponseCookies().getFirst("XSRF-TOKEN").getValue();
            session = first.anonymous().post().uri("/login").cookie("XSRF-TOKEN", xsrf).header("X-XSRF-TOKEN", xsrf)
                    .body(BodyInserters.fromFormData("username", "officer-kyushu").with("password", "demo"))
                    .exchange().expectStatus().isOk().returnResult(String.class).getResponseCookies()
                    .getFirst("SESSION").getValue();
            // Scripts with Basic credentials start no session.
            first.as("officer-kanto").get().uri("/api/me").exchange().expectStatus().isOk();
            assertThat(first.database().getCollection("web_sessions").countDocuments()).isEqualTo(1);
        }
        try (RunningCasebook restarted = RunningCasebook.start(own)) {
            restarted.anonymous().get().uri("/api/me").cookie("SESSION", session).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.name").isEqualTo("officer-kyushu").jsonPath("$.bureau").isEqualTo("kyushu");
            String uri = restarted.bean(EmbeddedMongo.class).connectionString();
            try (RunningCasebook another = RunningCasebook.start(other, "casebook.mongodb.uri=" + uri,
                    "casebook.node-id=another-instance")) {
                String id = (String) another.anonymous().post().uri("/api/engagements").cookie("SESSION", session)
                        .cookie("XSRF-TOKEN", xsrf).header("X-XSRF-TOKEN", xsrf).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("programme", "ADVISOR_DISPATCH", "fiscalYear", 2026, "municipalityCode", "406015"))
                        .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
                restarted.as("officer-kyushu").get().uri("/api/cases/" + id + "/timeline").exchange().expectStatus().isOk()
                        .expectBody().jsonPath("$[0].actor").isEqualTo("officer-kyushu");
                // Signing out on one instance ends the session on all.
                another.anonymous().post().uri("/logout").cookie("SESSION", session).cookie("XSRF-TOKEN", xsrf)
                        .header("X-XSRF-TOKEN", xsrf).exchange().expectStatus().isNoContent();
                restarted.anonymous().get().uri("/api/me").cookie("SESSION", session)
                        .header("X-Requested-With", "XMLHttpRequest").exchange().expectStatus().isUnauthorized();
            }
        }
    }

}
