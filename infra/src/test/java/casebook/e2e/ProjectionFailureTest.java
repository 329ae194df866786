package casebook.e2e;

import static casebook.e2e.EngagementEndToEndTest.post;
import static casebook.e2e.Prometheus.sum;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.e2e.Prometheus.Sample;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A projection that fails on an event: its batch is retried, not skipped, and the failure shows where an operator
 * looks. The progress read model's document of one engagement is made unreadable for the projection (its
 * corrections field; the case's view still reads); the next event of that case then fails in casebook.progress.
 * While it fails: the error counter rises, the processor is failing and its health component OUT_OF_SERVICE,
 * /actuator/health still answers 200 (commands are taken) and readiness stays UP. Once the document is repaired, the
 * retried batch goes through, nothing is lost, and everything is UP again.
 */
class ProjectionFailureTest {

    static final String PROGRESS = "casebook.progress";

    @TempDir
    Path data;

    @Test
    @SuppressWarnings("unchecked")
    void aFailingProjectionIsRetriedAndShownUntilItRecovers() {
        try (RunningCasebook app = RunningCasebook.start(data, "casebook.projection-wait=200ms")) {
            WebTestClient officer = app.as("officer-kyushu");
            String id = (String) post(officer, "/api/engagements", Map.of("programme", "KASOKUKA", "engagementType", "BUREAU_LED",
                    "fiscalYear", 2024, "municipalityCode", EngagementEndToEndTest.KAHARU), HttpStatus.CREATED).get("id");
            var engagements = app.database().getCollection("engagements");
            Document intact = await("the engagement in the read model", () -> engagements.find(new Document("_id", id)).first());
            engagements.updateOne(new Document("_id", id), new Document("$set", new Document("corrections", "unreadable")));

            // The command is taken and stored; only the projection fails on it.
            post(officer, "/api/engagements/" + id + "/selection", Map.of("selectedOn", "2024-07-01", "selectedBy", "BUREAU"),
                    HttpStatus.OK);
            List<Sample> failing = await("casebook.progress to be failing", () -> {
                List<Sample> s = Prometheus.scrape(app);
                return sum(s, "casebook_processor_failing", "processor", PROGRESS) == 1 ? s : null;
            });
            assertThat(sum(failing, "casebook_processor_errors_total", "processor", PROGRESS)).isGreaterThanOrEqualTo(1);
            assertThat(sum(failing, "casebook_processor_lag_events", "processor", PROGRESS)).isGreaterThan(0);
            assertThat(sum(failing, "casebook_processor_lag_seconds", "processor", PROGRESS)).as("age of the stuck event")
                    .isGreaterThan(0);
            assertThat(sum(failing, "casebook_processor_errors_total", "processor", "casebook.audittrail")).isZero();
            Map<String, Object> health = app.anonymous().get().uri("/actuator/health").exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            assertThat(health.get("status")).isEqualTo("OUT_OF_SERVICE");
            Map<String, Object> progress = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                    health.get("components")).get("processors")).get("components")).get(PROGRESS);
            assertThat(progress.get("status")).isEqualTo("OUT_OF_SERVICE");
            assertThat((Map<String, Object>) progress.get("details")).containsEntry("state", "error").containsKey("error");
            app.anonymous().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
            app.anonymous().get().uri("/actuator/health/processors/casebook.audittrail").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");

            // Repaired: the retried batch goes through and the selection reaches the read model.
            engagements.replaceOne(new Document("_id", id), intact);
            await("casebook.progress to recover", () -> {
                List<Sample> s = Prometheus.scrape(app);
                return sum(s, "casebook_processor_failing", "processor", PROGRESS) == 0
                        && sum(s, "casebook_processor_lag_events", "processor", PROGRESS) == 0 ? s : null;
            });
            officer.get().uri("/api/engagements/{id}", id).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("SELECTED");
            app.anonymous().get().uri("/actuator/health").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    private static <T> T await(String what, Supplier<T> poll) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            T value = poll.get();
            if (value != null) {
                return value;
            }
            assertThat(System.nanoTime()).as("waited too long for " + what).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
