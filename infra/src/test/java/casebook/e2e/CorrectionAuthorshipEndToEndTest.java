package casebook.e2e;

import static casebook.e2e.EngagementEndToEndTest.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * 訂正 of others' records over HTTP: a case officer corrects what they recorded (200), not what a supervisor
 * recorded (403 problem+json, nothing written); a supervisor corrects an officer's record (200). Engagements and
 * grant cases alike. Who recorded what survives a restart, also when the snapshot on disk predates the authors.
 */
class CorrectionAuthorshipEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void officersCorrectTheirOwnRecordsAndSupervisorsAnyones() throws Exception {
        String engagement;
        String grant;
        // A low threshold, so that the cases are snapshotted.
        try (RunningCasebook app = RunningCasebook.start(data, "casebook.snapshot-threshold=3")) {
            WebTestClient officer = app.as("officer-kyushu");
            WebTestClient supervisor = app.as("supervisor-kyushu");

            // Engagement: 0 registered, 1 selected, 2 kick-off held (the officer); 3 a decision (the supervisor).
            engagement = (String) post(officer, "/api/engagements", Map.of("programme", "KASOKUKA",
                    "engagementType", "BUREAU_LED", "fiscalYear", 2024, "municipalityCode", "406015"), HttpStatus.CREATED).get("id");
            String e = "/api/engagements/" + engagement;
            post(officer, e + "/selection", Map.of("selectedOn", "2024-06-20"), HttpStatus.OK);
            post(officer, e + "/milestones/M0_5/held", Map.of("heldOn", "2024-08-05", "mode", "ONLINE"), HttpStatus.OK);
            post(supervisor, e + "/decisions", Map.of("decidedOn", "2024-08-05", "text", "次回は現地で協議する"), HttpStatus.OK);

            forbidden(app, officer, e + "/corrections", correction(3, Map.of("text", "次回は庁内で協議する")),
                    "event 3 was recorded by supervisor-kyushu; only a supervisor may correct another person's record");
            post(officer, e + "/corrections", correction(2, Map.of("heldOn", "2024-08-06")), HttpStatus.OK);
            post(supervisor, e + "/corrections", correction(2, Map.of("heldOn", "2024-08-07")), HttpStatus.OK);
            post(supervisor, e + "/corrections", correction(3, Map.of("text", "次回は庁内で協議する")), HttpStatus.OK);

            // Grant case: 0 opened, 1 当初交付 opened, 2 a step (the officer); 3 a step (the supervisor).
            grant = (String) post(officer, "/api/grant-cases", Map.of("grantType", "CHIIKI_SHIEN_JIGYO",
                    "recipient", Map.of("kind", "MUNICIPALITY", "code", "402036"), "targetFiscalYear", 2025),
                    HttpStatus.CREATED).get("id");
            String g = "/api/grant-cases/" + grant;
            String initial = (String) post(officer, g + "/procedures", Map.of("kind", "INITIAL"), HttpStatus.CREATED)
                    .get("procedureId");
            post(officer, g + "/procedures/" + initial + "/steps/PRECONSULTATION_REQUESTED", Map.of("on", "2025-07-25"),
                    HttpStatus.OK);
            post(supervisor, g + "/procedures/" + initial + "/steps/PRECONSULTATION_SUBMITTED",
                    Map.of("on", "2025-08-27", "amount", 5_100_000), HttpStatus.OK);

            forbidden(app, officer, g + "/corrections", correction(3, Map.of("note", "金額は再提出分")),
                    "event 3 was recorded by supervisor-kyushu; only a supervisor may correct another person's record");
            post(officer, g + "/corrections", correction(2, Map.of("note", "メールで依頼")), HttpStatus.OK);
            post(supervisor, g + "/corrections", correction(2, Map.of("note", "メールと電話で依頼")), HttpStatus.OK);
            // Without fields: the submission is only marked as recorded wrongly (ADR 0015); its author rule holds.
            forbidden(app, officer, g + "/corrections", Map.of("correctsEvent", 3, "reason", "別の市の提出分"),
                    "event 3 was recorded by supervisor-kyushu; only a supervisor may correct another person's record");
            long note = ((Number) post(supervisor, g + "/corrections", Map.of("correctsEvent", 3,
                    "reason", "別の市の提出分"), HttpStatus.OK).get("version")).longValue();
            officer.get().uri(g).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.procedures[0].steps[?(@.step == 'PRECONSULTATION_SUBMITTED')].recordings[0].amount")
                    .isEqualTo(List.of(5_100_000))
                    .jsonPath("$.procedures[0].steps[?(@.step == 'PRECONSULTATION_SUBMITTED')].recordings[0].correctedBy[0]")
                    .isEqualTo(List.of((int) note));

            // The engagement's latest snapshot as it was before authors were kept: no authors, no revision.
            agePreRevisionSnapshot(app.database(), engagement);
        }

        // After a restart the old-shape snapshot is passed over: the case is loaded from its events, authors and all.
        try (RunningCasebook app = RunningCasebook.start(data, "casebook.snapshot-threshold=3")) {
            WebTestClient officer = app.as("officer-kyushu");
            String e = "/api/engagements/" + engagement;
            post(officer, e + "/corrections", correction(2, Map.of("heldOn", "2024-08-08")), HttpStatus.OK);
            forbidden(app, officer, e + "/corrections", correction(3, Map.of("text", "x")),
                    "event 3 was recorded by supervisor-kyushu; only a supervisor may correct another person's record");
            forbidden(app, officer, "/api/grant-cases/" + grant + "/corrections", correction(3, Map.of("note", "x")),
                    "event 3 was recorded by supervisor-kyushu; only a supervisor may correct another person's record");
        }
    }

    private static Map<String, Object> correction(long seq, Map<String, Object> fields) {
        return Map.of("correctsEvent", seq, "reason", "記録の誤り", "fields", fields);
    }

    /** 403 problem+json naming the field and the author, and not one event written. */
    private static void forbidden(RunningCasebook app, WebTestClient client, String uri, Object body, String detail) {
        long before = app.storedEvents();
        client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.detail").isEqualTo(detail)
                .jsonPath("$.errors[0].field").isEqualTo("correctsEvent");
        assertThat(app.storedEvents()).isEqualTo(before);
    }

    /** Waits for the case's snapshot, then strips it to what a snapshot taken before this change held. */
    private static void agePreRevisionSnapshot(MongoDatabase db, String caseId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Document head;
        while ((head = db.getCollection("snapshot_heads").find(new Document("_id", caseId)).first()) == null) {
            assertThat(System.nanoTime()).as("no snapshot of " + caseId).isLessThan(deadline);
            Thread.sleep(50);
        }
        String id = caseId + ":" + head.get("s", Number.class).longValue();
        Document snapshot = db.getCollection("snapshots").find(new Document("_id", id)).first();
        assertThat(snapshot.getString("pr")).isEqualTo("2");
        ObjectNode state = (ObjectNode) JSON.readTree(snapshot.getString("p"));
        assertThat(state.has("authors")).isTrue();
        state.remove("authors");
        db.getCollection("snapshots").updateOne(new Document("_id", id), new Document("$set",
                new Document("p", JSON.writeValueAsString(state)).append("pr", null)));
    }
}
