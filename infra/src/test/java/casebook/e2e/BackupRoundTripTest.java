package casebook.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import casebook.axon.ProcessingGroups;
import casebook.axon.ProjectionBarrier;
import casebook.backup.EventLogImport;
import casebook.backup.OfflineVerifier;
import casebook.demo.DemoScenario;
import casebook.embedded.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export → empty store → import: the same events and hashes, the same timelines and views, verification ok; the
 * restored log is replayed once, through the replay processor.
 */
class BackupRoundTripTest {

    @TempDir
    Path original;
    @TempDir
    Path restored;
    @TempDir
    Path files;

    private static List<String> hashes(RunningCasebook app) {
        List<String> hashes = new ArrayList<>();
        for (Document d : app.database().getCollection("events").find().batchSize(1000)) {
            hashes.add(d.get("_id") + ":" + d.getString("sk") + ":" + d.getString("h"));
        }
        hashes.sort(null);
        return hashes;
    }

    @Test
    void aBackupRestoresIdenticalEventsHashesAndViews() throws Exception {
        String engagement = DemoScenario.engagementId("F02");
        String grantCase = DemoScenario.grantCaseId("G05");
        Path export = files.resolve("casebook-export.ndjson");
        List<String> hashesBefore;
        List<Map<String, Object>> engagementTimeline;
        List<Map<String, Object>> grantTimeline;
        Map<?, ?> matrix;
        try (RunningCasebook app = RunningCasebook.start(original, "casebook.demo-data=true")) {
            app.bean(casebook.eventstore.MongoEventStorageEngine.class).digestCaseHeads();
            engagementTimeline = EngagementEndToEndTest.timeline(app.as("auditor"), engagement);
            grantTimeline = EngagementEndToEndTest.timeline(app.as("auditor"), grantCase);
            matrix = app.as("auditor").get().uri("/api/progress/matrix?bureau=kyushu&fiscalYear=2024").exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            hashesBefore = hashes(app);
            app.as("officer-kyushu").get().uri("/api/exports/events.ndjson").exchange().expectStatus().isForbidden();
            byte[] body = app.as("admin").get().uri("/api/exports/events.ndjson").exchange().expectStatus().isOk()
                    .expectBody().returnResult().getResponseBody();
            Files.write(export, body);
        }
        assertThat(Files.readAllLines(export, StandardCharsets.UTF_8)).hasSize(hashesBefore.size() + 1 + 1);
        assertThat(OfflineVerifier.verify(export).ok()).as("the export verifies without the server").isTrue();

        try (EmbeddedMongo store = EmbeddedMongo.start(restored); MongoClient client = MongoClients.create(store.connectionString());
             BufferedReader in = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            assertThat(EventLogImport.into(client.getDatabase("casebook"), in, n -> { })).isEqualTo(hashesBefore.size());
        }

        try (RunningCasebook app = RunningCasebook.start(restored, "casebook.demo-data=true", "casebook.projection-wait=120s")) {
            assertThat(hashes(app)).isEqualTo(hashesBefore);
            long head = app.database().getCollection("counters").find(new Document("_id", "events")).first().getLong("last");
            assertThat(app.bean(ProjectionBarrier.class).awaitProjections(head)).as("projections rebuilt by replay").isTrue();
            // The restored log was replayed once, by the replay processor, as an operation started by "restore"; the
            // projection processors took its tokens and handled none of the log themselves.
            Map<String, Object> replay = RunningCasebook.await("the replay of the restored log to finish", Duration.ofSeconds(90),
                    () -> restoreOperation(app).filter(op -> !"RUNNING".equals(op.get("state"))).orElse(null));
            assertThat(replay.get("state")).as(replay.toString()).isEqualTo("SUCCEEDED");
            assertThat(replay).containsEntry("kind", "rebuild").containsEntry("target", "all");
            assertThat(((Number) replay.get("processed")).longValue()).isEqualTo(head);
            MeterRegistry meters = app.bean(MeterRegistry.class);
            assertThat(handled(meters, "casebook.replay")).isEqualTo(head);
            for (String group : ProcessingGroups.ALL) {
                assertThat(handled(meters, group)).as(group).isZero();
            }
            assertThat(app.database().getCollection("tracking_tokens").countDocuments(new Document("processor", "casebook.replay")))
                    .as("the replay processor's tokens, once copied").isZero();
            assertThat(EngagementEndToEndTest.timeline(app.as("auditor"), engagement)).isEqualTo(engagementTimeline);
            assertThat(EngagementEndToEndTest.timeline(app.as("auditor"), grantCase)).isEqualTo(grantTimeline);
            assertThat(app.as("auditor").get().uri("/api/progress/matrix?bureau=kyushu&fiscalYear=2024").exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody()).isEqualTo(matrix);
            app.as("auditor").get().uri("/api/audit/verify").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.ok").isEqualTo(true).jsonPath("$.digestsChecked").isEqualTo(1);
        }
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> restoreOperation(RunningCasebook app) {
        List<Map<String, Object>> operations = (List<Map<String, Object>>) (List<?>) app.as("admin").get()
                .uri("/api/admin/operations").exchange().expectStatus().isOk().expectBodyList(Map.class).returnResult()
                .getResponseBody();
        return operations.stream().filter(op -> "restore".equals(op.get("startedBy"))).findFirst();
    }

    /** Events a processor's batches held, as its batch-size meter counted them. */
    private static double handled(MeterRegistry meters, String processor) {
        DistributionSummary batches = meters.find("casebook.processor.batch.events").tag("processor", processor).summary();
        return batches == null ? 0 : batches.totalAmount();
    }
}
