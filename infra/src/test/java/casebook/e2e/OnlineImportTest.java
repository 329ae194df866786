package casebook.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import casebook.axon.ProjectionBarrier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;

/**
 * The administrator restores an export into a running Casebook with an empty store, from the API (and so from the
 * admin page): the same events and hashes, the views rebuilt, verification ok; a second import, or one into a
 * store with events, is refused and writes nothing.
 */
class OnlineImportTest {

    @TempDir
    Path original;
    @TempDir
    Path restored;

    private static List<String> hashes(RunningCasebook app) {
        List<String> hashes = new ArrayList<>();
        for (Document d : app.database().getCollection("events").find().batchSize(1000)) {
            hashes.add(d.get("_id") + ":" + d.getString("sk") + ":" + d.getString("h"));
        }
        hashes.sort(null);
        return hashes;
    }

    @Test
    void anExportIsImportedIntoAnEmptyRunningCasebook() {
        byte[] export;
        List<String> hashesBefore;
        Map<?, ?> matrix;
        try (RunningCasebook app = RunningCasebook.start(original, "casebook.demo-data=true")) {
            app.bean(casebook.eventstore.MongoEventStorageEngine.class).digestCaseHeads();
            hashesBefore = hashes(app);
            matrix = app.as("auditor").get().uri("/api/progress/matrix?bureau=kyushu&fiscalYear=2024").exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            export = app.as("admin").get().uri("/api/exports/events.ndjson").exchange().expectStatus().isOk()
                    .expectBody().returnResult().getResponseBody();
            // A store with events takes no import.
            app.as("admin").post().uri("/api/admin/operations/import").contentType(MediaType.parseMediaType("application/x-ndjson"))
                    .bodyValue(export).exchange().expectStatus().isEqualTo(409);
            assertThat(hashes(app)).isEqualTo(hashesBefore);
        }

        try (RunningCasebook app = RunningCasebook.start(restored, "casebook.demo-data=false")) {
            app.as("officer-kyushu").post().uri("/api/admin/operations/import").contentType(MediaType.parseMediaType("application/x-ndjson"))
                    .bodyValue(export).exchange().expectStatus().isForbidden();
            Map<?, ?> op = app.as("admin").post().uri("/api/admin/operations/import")
                    .contentType(MediaType.parseMediaType("application/x-ndjson")).bodyValue(export)
                    .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
            assertThat(op.get("kind")).isEqualTo("import");
            Map<?, ?> done = awaitFinished(app, (String) op.get("id"));
            assertThat(done.get("state")).as("the import operation: %s", done).isEqualTo("SUCCEEDED");
            assertThat(((Number) done.get("processed")).longValue()).isEqualTo(hashesBefore.size());

            assertThat(hashes(app)).isEqualTo(hashesBefore);
            long head = app.database().getCollection("counters").find(new Document("_id", "events")).first().getLong("last");
            assertThat(app.bean(ProjectionBarrier.class).awaitProjections(head)).as("projections follow the import").isTrue();
            assertThat(app.as("auditor").get().uri("/api/progress/matrix?bureau=kyushu&fiscalYear=2024").exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody()).isEqualTo(matrix);
            app.as("auditor").get().uri("/api/audit/verify").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.ok").isEqualTo(true);
            // Commands are taken again, and continue the imported sequence.
            app.as("officer-kyushu").post().uri("/api/engagements").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("programme", "KASOKUKA", "fiscalYear", 2027, "municipalityCode", "406015"))
                    .exchange().expectStatus().isCreated();
            assertThat(app.database().getCollection("events").countDocuments()).isEqualTo(hashesBefore.size() + 1);
            // A second import: refused, nothing written.
            app.as("admin").post().uri("/api/admin/operations/import").contentType(MediaType.parseMediaType("application/x-ndjson"))
                    .bodyValue(export).exchange().expectStatus().isEqualTo(409);
            assertThat(app.database().getCollection("events").countDocuments()).isEqualTo(hashesBefore.size() + 1);
        }
    }

    private static Map<?, ?> awaitFinished(RunningCasebook app, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            List<?> ops = app.as("admin").get().uri("/api/admin/operations").exchange().expectStatus().isOk()
                    .expectBody(List.class).returnResult().getResponseBody();
            for (Object o : ops) {
                Map<?, ?> op = (Map<?, ?>) o;
                if (id.equals(op.get("id")) && !"RUNNING".equals(op.get("state"))) {
                    return op;
                }
            }
            assertThat(System.nanoTime()).as("import %s did not finish", id).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
