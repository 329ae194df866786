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
 * A projection whose batch cannot be written (the database refuses the write; a poison event in a handler is the
 * dead-letter queue's, see DeadLetterEndToEndTest): the batch is retried, not skipped, and the failure shows where an
 * operator looks. The progress read model's bucket of one bureau and year is made unwritable; the next batch that
 * adds an engagement to it then fails in casebook.progress.
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
            // The bureau's bucket of FY2024 is made unwritable: its list of engagement ids is not a list.
            var buckets = app.database().getCollection("engagement_buckets");
            buckets.insertOne(new Document("_id", "kyushu:2024").append("ids", "unwritable"));

            // The command is taken and stored; only the projection's write of its batch fails.
            String id = (String) post(officer, "/api/engagements", Map.of("programme", "KASOKUKA", "engagementType", "BUREAU_LED",
                    "fiscalYear", 2024, "municipalityCode", EngagementEndToEndTest.KAHARU), HttpStatus.CREATED).get("id");
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

            // Repaired: the retried batch goes through and the engagement reaches the read model.
            buckets.updateOne(new Document("_id", "kyushu:2024"), new Document("$set", new Document("ids", List.of())));
            await("casebook.progress to recover", () -> {
                List<Sample> s = Prometheus.scrape(app);
                return sum(s, "casebook_processor_failing", "processor", PROGRESS) == 0
                        && sum(s, "casebook_processor_lag_events", "processor", PROGRESS) == 0 ? s : null;
            });
            officer.get().uri("/api/engagements/{id}", id).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.municipalityCode").isEqualTo(EngagementEndToEndTest.KAHARU);
            app.anonymous().get().uri("/actuator/health").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    private static <T> T await(String what, Supplier<T> poll) {
        return RunningCasebook.await(what, Duration.ofSeconds(90), poll);
    }
}
