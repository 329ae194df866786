package casebook.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import casebook.axon.ProjectionBarrier;
import casebook.backup.EventLogImport;
import casebook.backup.OfflineVerifier;
import casebook.demo.DemoScenario;
import casebook.embedded.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export → empty store → import: the same events and hashes, the same timelines and views, verification ok. */
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
            assertThat(EngagementEndToEndTest.timeline(app.as("auditor"), engagement)).isEqualTo(engagementTimeline);
            assertThat(EngagementEndToEndTest.timeline(app.as("auditor"), grantCase)).isEqualTo(grantTimeline);
            assertThat(app.as("auditor").get().uri("/api/progress/matrix?bureau=kyushu&fiscalYear=2024").exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody()).isEqualTo(matrix);
            app.as("auditor").get().uri("/api/audit/verify").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.ok").isEqualTo(true).jsonPath("$.digestsChecked").isEqualTo(1);
        }
    }
}
