package casebook.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.UpdateOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;

/**
 * The live matrix stream: the whole matrix first, then a row whenever it changes — whether this instance's projection
 * wrote it (a command sent here) or another instance's did (simulated by changing the read model directly, which is
 * all another instance would do to this one's database).
 */
class LiveMatrixTest {

    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENTS =
            new ParameterizedTypeReference<>() { };

    @TempDir
    static Path data;
    static RunningCasebook app;

    @BeforeAll
    static void start() {
        app = RunningCasebook.start(data, "casebook.live.watch-interval=200ms");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aRowChangeReachesTheOpenStreamWhicheverInstanceProjectedIt() {
        String id = app.created("officer-kyushu", "/api/engagements", Map.of("programme", "KASOKUKA", "engagementType", "BUREAU_LED",
                "fiscalYear", 2026, "municipalityCode", "406015", "themes", List.of()));
        app.ok("officer-kyushu", "POST", "/api/engagements/" + id + "/selection", Map.of("selectedOn", "2026-07-01"));

        Flux<ServerSentEvent<Map<String, Object>>> stream = app.as("supervisor-kyushu").get()
                .uri("/api/progress/matrix/stream?bureau=kyushu&fiscalYear=2026").accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk().returnResult(EVENTS).getResponseBody().cache();
        ServerSentEvent<Map<String, Object>> first = stream.blockFirst(Duration.ofSeconds(30));
        assertThat(first.event()).isEqualTo("matrix");
        assertThat((List<?>) first.data().get("rows")).hasSize(1);

        // A command on this instance: its projection's row arrives.
        app.ok("officer-kyushu", "PUT", "/api/engagements/" + id + "/milestones/M0_5/plan", Map.of("plannedOn", "2026-08-05"));
        assertThat(rowWith(stream, id, "M0_5", "PLANNED")).isTrue();

        // Another instance's projection writes the row, then its bucket's new stamp (here: straight into the shared
        // read model, as that instance would).
        app.database().getCollection("engagement_rows").updateOne(new Document("_id", id), new Document("$set",
                new Document("cells.M0_5.status", "HELD").append("cells.M0_5.heldOn", "2026-08-05")));
        app.database().getCollection("engagement_bucket_stamps").updateOne(new Document("_id", "kyushu:2026"),
                new Document("$set", new Document("stamp", System.nanoTime())), new UpdateOptions().upsert(true));
        assertThat(rowWith(stream, id, "M0_5", "HELD")).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static boolean rowWith(Flux<ServerSentEvent<Map<String, Object>>> stream, String id, String kind, String status) {
        return stream.filter(e -> "row".equals(e.event()) && id.equals(e.data().get("engagementId")))
                .map(e -> (Map<String, Map<String, Object>>) e.data().get("cells"))
                .any(cells -> cells.get(kind) != null && status.equals(cells.get(kind).get("status")))
                .block(Duration.ofSeconds(30));
    }
}
