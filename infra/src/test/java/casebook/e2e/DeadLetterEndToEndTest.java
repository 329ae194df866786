package casebook.e2e;

import static casebook.e2e.EngagementEndToEndTest.post;
import static casebook.e2e.EngagementEndToEndTest.timeline;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A poison event over the real application: the progress projection cannot apply the events of one case (its stored
 * engagement document no longer reads, as after a bad hand edit or a failed migration). The events go to the
 * dead-letter store with the error; the other case and the other projections go on; a retry while the fault is still
 * there fails again and says so; once the document is put right, the administrator's retry catches the case up to
 * exactly what its event log says, and the store is empty. Finally an eviction, with its reason in the audit log.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeadLetterEndToEndTest {

    private static final String PROGRESS = "casebook.progress";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void aPoisonEventIsSetAsideTheRestGoesOnAndARetryCatchesTheCaseUp(CapturedOutput output) throws Exception {
        try (RunningCasebook app = RunningCasebook.start(data)) {
            WebTestClient officer = app.as("officer-kyushu");
            WebTestClient admin = app.as("admin");
            String broken = register(officer, "406015");
            String healthy = register(officer, "402036");
            MongoCollection<Document> engagements = app.database().getCollection("engagements");
            awaitTrue("both engagements projected", () -> engagements.countDocuments(new Document("_id", broken)) == 1
                    && engagements.countDocuments(new Document("_id", healthy)) == 1);

            // The fault: the case's engagement document no longer reads.
            Document original = engagements.find(new Document("_id", broken)).first();
            engagements.updateOne(new Document("_id", broken), new Document("$set", new Document("view", "unreadable")));
            post(officer, "/api/engagements/" + broken + "/entry", Map.of("receivedOn", "2024-05-20"), HttpStatus.OK);
            officer.put().uri("/api/engagements/" + broken + "/themes").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("themes", List.of(Map.of("code", "SERVICE_ACTIVITY", "detail", "通所C"))))
                    .exchange().expectStatus().isOk();
            post(officer, "/api/engagements/" + healthy + "/selection", Map.of("selectedOn", "2024-06-20"), HttpStatus.OK);

            // The failing event and the one parked behind it are in the store, with the error.
            JsonNode progress = awaitGroup(admin, "two letters of the broken case", g -> g.get("letters").asInt() == 2);
            assertThat(progress.get("cases").asInt()).isEqualTo(1);
            JsonNode first = progress.get("deadLetters").get(0);
            JsonNode second = progress.get("deadLetters").get(1);
            assertThat(first.get("caseId").asText()).isEqualTo(broken);
            assertThat(first.get("eventType").asText()).isEqualTo("EntrySheetSubmitted");
            assertThat(first.get("sequenceNumber").asInt()).isEqualTo(1);
            assertThat(first.get("errorType").asText()).isEqualTo(IllegalArgumentException.class.getName());
            assertThat(first.get("errorMessage").asText())
                    .startsWith("an engagement (engagements " + broken + ") does not read: ")
                    .contains("String value").endsWith("(at casebook.readmodel.CaseDocument[\"view\"])");
            assertThat(first.get("retries").asInt()).isZero();
            assertThat(first.hasNonNull("enqueuedAt")).isTrue();
            assertThat(second.get("eventType").asText()).isEqualTo("ThemesUpdated");
            assertThat(second.has("errorType")).as("parked behind the failure, not failed itself").isFalse();
            assertThat(gauge(admin)).isEqualTo(2.0);
            // The other case went on, and so did the other projections of the broken case.
            awaitTrue("the healthy case selected", () -> "SELECTED".equals(engagement(officer, healthy).get("status").asText()));
            assertThat(timeline(officer, broken)).hasSize(3);
            MongoCollection<Document> auditCases = app.database().getCollection("audit_cases");
            awaitTrue("the audit trail saw the broken case's last event", () -> {
                Document head = auditCases.find(new Document("_id", broken)).first();
                return head != null && head.get("lastSeq", Number.class).longValue() == 2;
            });
            for (JsonNode group : list(admin).get("processingGroups")) {
                if (!group.get("processingGroup").asText().equals(PROGRESS)) {
                    assertThat(group.get("letters").asInt()).as(group.get("processingGroup").asText()).isZero();
                }
            }

            // A retry with the fault still there fails again, and counts it.
            assertThat(retry(admin)).isEqualTo(Map.of("processingGroup", PROGRESS, "processed", 0, "stillFailing", 1,
                    "remaining", 2));
            assertThat(group(list(admin), PROGRESS).get("deadLetters").get(0).get("retries").asInt()).isEqualTo(1);

            // The fault removed, a retry catches the case up: its view is what its event log says, the store empty.
            engagements.replaceOne(new Document("_id", broken), original);
            assertThat(retry(admin)).isEqualTo(Map.of("processingGroup", PROGRESS, "processed", 2, "stillFailing", 0,
                    "remaining", 0));
            JsonNode view = engagement(officer, broken);
            long events = app.database().getCollection("events").countDocuments(new Document("a", broken));
            assertThat(view.get("version").asLong()).isEqualTo(events - 1);
            assertThat(view.get("status").asText()).isEqualTo("ENTRY_SUBMITTED");
            assertThat(millis(view)).isEqualTo(millis(replayed(officer, broken)));
            assertThat(group(list(admin), PROGRESS).get("letters").asInt()).isZero();
            assertThat(gauge(admin)).isZero();
            // The case is no longer parked: its next event is projected at once.
            post(officer, "/api/engagements/" + broken + "/selection", Map.of("selectedOn", "2024-06-21"), HttpStatus.OK);
            assertThat(millis(engagement(officer, broken))).isEqualTo(millis(replayed(officer, broken)));

            // An event that will never apply is evicted, with a reason, into the audit log.
            engagements.updateOne(new Document("_id", broken), new Document("$set", new Document("view", "unreadable")));
            post(officer, "/api/engagements/" + broken + "/advisors", Map.of("name", "九州 太郎", "affiliation", "大学"),
                    HttpStatus.OK);
            JsonNode letter = awaitGroup(admin, "the advisor's event", g -> g.get("letters").asInt() == 1)
                    .get("deadLetters").get(0);
            long position = letter.get("position").asLong();
            admin.post().uri("/api/admin/dead-letters/{g}/letters/{p}/eviction", PROGRESS, position)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange()
                    .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            admin.post().uri("/api/admin/dead-letters/{g}/letters/{p}/eviction", PROGRESS, position)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "記録誤り、手作業で訂正済み"))
                    .exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.evicted.caseId").isEqualTo(broken)
                    .jsonPath("$.evicted.eventType").isEqualTo("AdvisorAssigned")
                    .jsonPath("$.evictedBy").isEqualTo("admin")
                    .jsonPath("$.reason").isEqualTo("記録誤り、手作業で訂正済み");
            assertThat(group(list(admin), PROGRESS).get("letters").asInt()).isZero();
            assertThat(output.getAll()).contains("dead letter evicted: processingGroup=casebook.progress caseId=" + broken)
                    .contains("by=admin reason=記録誤り、手作業で訂正済み");

            // Unknown groups and letters are 404 problems.
            admin.post().uri("/api/admin/dead-letters/{g}/letters/{p}/eviction", PROGRESS, position)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "again")).exchange()
                    .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            admin.post().uri("/api/admin/dead-letters/casebook.nothing/retry").exchange()
                    .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    private static String register(WebTestClient officer, String municipality) {
        return (String) post(officer, "/api/engagements", Map.of("programme", "KASOKUKA", "engagementType", "BUREAU_LED",
                "fiscalYear", 2024, "municipalityCode", municipality), HttpStatus.CREATED).get("id");
    }

    private static JsonNode engagement(WebTestClient client, String id) {
        return read(client.get().uri("/api/engagements/{id}", id).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    /** The case replayed from its events (the audit trail) with the projection's own appliers. */
    private static JsonNode replayed(WebTestClient client, String id) {
        return read(client.get().uri("/api/cases/{id}/state", id).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).get("state");
    }

    /** The audit trail keeps recording times to the millisecond, the engagement view to the nanosecond. */
    private static JsonNode millis(JsonNode view) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = view.deepCopy();
        copy.put("lastRecordedAt", java.time.Instant.parse(view.get("lastRecordedAt").asText())
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
        return copy;
    }

    private static JsonNode list(WebTestClient admin) {
        return read(admin.get().uri("/api/admin/dead-letters").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private static JsonNode group(JsonNode list, String name) {
        for (JsonNode g : list.get("processingGroups")) {
            if (g.get("processingGroup").asText().equals(name)) {
                return g;
            }
        }
        throw new AssertionError("no processing group " + name + " in " + list);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> retry(WebTestClient admin) {
        return admin.post().uri("/api/admin/dead-letters/{g}/retry", PROGRESS).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static double gauge(WebTestClient admin) {
        return read(admin.get().uri("/actuator/metrics/casebook.deadletters?tag=processingGroup:" + PROGRESS).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
                .get("measurements").get(0).get("value").asDouble();
    }

    private static JsonNode awaitGroup(WebTestClient admin, String what, java.util.function.Predicate<JsonNode> condition) {
        JsonNode[] found = new JsonNode[1];
        awaitTrue(what, () -> condition.test(found[0] = group(list(admin), PROGRESS)));
        return found[0];
    }

    /** Polls observable state until it holds, for at most 30 seconds. */
    private static void awaitTrue(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("waited in vain for: " + what).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
