package casebook.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Boots the real application on the embedded server, drives a whole 加速化 engagement of 香春町 over
 * HTTP, restarts on the same data folder, and checks the case, the matrix and the audit trail.
 */
class EngagementEndToEndTest {

    static final String KAHARU = "406015";
    static final List<String> MILESTONES = List.of("M0_5", "VISIT_1", "M1_5", "VISIT_2", "M2_5", "VISIT_3", "REPORT_MEETING");
    static final List<String> DATES = List.of("2024-08-05", "2024-10-02", "2024-11-11", "2024-12-17", "2025-01-14",
            "2025-01-30", "2025-03-07");

    @TempDir
    Path data;

    @SuppressWarnings("unchecked")
    static Map<String, Object> post(WebTestClient client, String uri, Object body, HttpStatus expected) {
        return client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(expected).expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void aWholeKasokukaEngagementOverHttpSurvivesARestart() {
        String id;
        long version;
        // A low snapshot threshold makes the restarted app load the case from a snapshot.
        try (RunningCasebook app = RunningCasebook.start(data, "casebook.snapshot-threshold=8")) {
            WebTestClient officer = app.as("officer-kyushu");
            Map<String, Object> created = post(officer, "/api/engagements", Map.of("programme", "KASOKUKA",
                    "engagementType", "BUREAU_LED", "fiscalYear", 2024, "municipalityCode", KAHARU,
                    "themes", List.of(Map.of("code", "SERVICE_ACTIVITY", "detail", "サービス・活動A, B"),
                            Map.of("code", "LIVING_SUPPORT_SYSTEM", "detail", "")),
                    "applicationBackground", "住民主体の活動を広げたい"), HttpStatus.CREATED);
            id = (String) created.get("id");
            assertThat(created.get("version")).isEqualTo(0);

            post(officer, "/api/engagements/" + id + "/selection", Map.of("selectedOn", "2024-07-01", "selectedBy", "BUREAU"), HttpStatus.OK);
            post(officer, "/api/engagements/" + id + "/advisors", Map.of("name", "山田 太郎", "affiliation", "○○大学", "title", "教授"), HttpStatus.OK);
            for (int i = 0; i < MILESTONES.size(); i++) {
                officer.put().uri("/api/engagements/{id}/milestones/{k}/plan", id, MILESTONES.get(i))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("plannedOn", DATES.get(i), "mode", i % 2 == 0 ? "ONLINE" : "ONSITE"))
                        .exchange().expectStatus().isOk();
            }
            Map<String, Object> homework = post(officer, "/api/engagements/" + id + "/homework",
                    Map.of("description", "地域運営組織の情報を整理する", "owner", "香春町", "dueBefore", "VISIT_2"), HttpStatus.OK);
            for (int i = 0; i < MILESTONES.size(); i++) {
                Map<String, Object> held = new java.util.HashMap<>(Map.of("heldOn", DATES.get(i),
                        "mode", i % 2 == 0 ? "ONLINE" : "ONSITE",
                        "participants", List.of(Map.of("organisation", "香春町", "department", "福祉課", "headcount", 4),
                                Map.of("organisation", "九州厚生局", "headcount", 2)),
                        "agenda", List.of("現状と課題の整理"), "summary", "作戦会議"));
                if (i % 2 == 0) {
                    held.put("startTime", "13:30");
                    held.put("endTime", "15:00");
                }
                post(officer, "/api/engagements/" + id + "/milestones/" + MILESTONES.get(i) + "/held", held, HttpStatus.OK);
                if (MILESTONES.get(i).equals("M1_5")) {
                    post(officer, "/api/engagements/" + id + "/homework/" + homework.get("itemId") + "/completion",
                            Map.of("completedOn", "2024-12-01", "note", "整理済み"), HttpStatus.OK);
                }
            }
            post(officer, "/api/engagements/" + id + "/decisions", Map.of("decidedOn", "2024-11-11",
                    "text", "2回目支援では地域運営組織の情報共有を行う", "milestone", "M1_5"), HttpStatus.OK);
            // The 2nd visit's date was typed wrong: a correction names the event (seq of VISIT_2 held) and a reason.
            List<Map<String, Object>> timeline = timeline(officer, id);
            long visit2Held = timeline.stream().filter(e -> e.get("type").equals("MilestoneHeld"))
                    .filter(e -> ((Map<?, ?>) e.get("payload")).get("milestone").equals("VISIT_2"))
                    .map(e -> ((Number) e.get("seq")).longValue()).findFirst().orElseThrow();
            Map<String, Object> corrected = post(officer, "/api/engagements/" + id + "/corrections", Map.of(
                    "correctsEvent", visit2Held, "reason", "日付の入力誤り", "fields", Map.of("heldOn", "2024-12-18")), HttpStatus.OK);
            version = ((Number) corrected.get("version")).longValue();
            // registered, selected, advisor, 7 plans, homework, 7 held, completion, decision, correction: seq 0..20
            assertThat(version).isEqualTo(20);
            // The timeline is the log itself, the correction already in it, and each event's place in the case's hash
            // chain as stored: an auditor can follow the chain without the verify endpoint.
            List<Map<String, Object>> chained = timeline(officer, id);
            assertThat(chained).hasSize(21);
            var stored = app.database().getCollection("events");
            for (int i = 0; i < chained.size(); i++) {
                org.bson.Document event = stored.find(new org.bson.Document("sk", id + ":" + i)).first();
                assertThat(chained.get(i)).containsEntry("hash", event.getString("h"))
                        .containsEntry("prevHash", event.getString("ph"));
                if (i > 0) {
                    assertThat(chained.get(i).get("prevHash")).isEqualTo(chained.get(i - 1).get("hash"));
                }
            }

            assertCase(officer, id, version, "2024-12-18");
            // The actor's bureau on every event comes from the principal (kyushu), not "all bureaus".
            org.bson.Document first = app.database().getCollection("events").find(new org.bson.Document("sk", id + ":0")).first();
            assertThat(first.getString("m")).contains("\"actor\":\"officer-kyushu\"", "\"actorBureau\":\"kyushu\"",
                    "\"actorRole\":\"CASE_OFFICER\"");
        }

        try (RunningCasebook app = RunningCasebook.start(data, "casebook.snapshot-threshold=8")) {
            WebTestClient officer = app.as("officer-kyushu");
            assertCase(officer, id, version, "2024-12-18");
            assertThat(app.database().getCollection("snapshot_heads").find(new org.bson.Document("_id", id)).first())
                    .as("a snapshot was taken").isNotNull();
            // Work goes on after the restart at the next version; the case comes from its snapshot, and closing
            // without a reason is allowed only because the snapshot kept the case REPORTED.
            Map<String, Object> closed = post(officer, "/api/engagements/" + id + "/closure",
                    Map.of("closedOn", "2025-03-31", "outcomeSummary", "ロードマップ案を作成"), HttpStatus.OK);
            assertThat(((Number) closed.get("version")).longValue()).isEqualTo(version + 1);
            officer.get().uri("/api/engagements/{id}", id).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("CLOSED");
            // The hash chain of the case, across the restart, verifies clean; so does the whole store.
            app.as("auditor").get().uri("/api/audit/verify?caseId={id}", id).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.ok").isEqualTo(true).jsonPath("$.eventsChecked").isEqualTo(version + 2)
                    .jsonPath("$.failures.length()").isEqualTo(0);
            app.as("auditor").get().uri("/api/audit/verify").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.ok").isEqualTo(true).jsonPath("$.casesChecked").isEqualTo(1);
        }
    }

    private static void assertCase(WebTestClient officer, String id, long version, String visit2HeldOn) {
        officer.get().uri("/api/engagements/{id}", id).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"" + version + "\"")
                .expectBody()
                .jsonPath("$.status").isEqualTo("REPORTED")
                .jsonPath("$.bureauCode").isEqualTo("kyushu")
                .jsonPath("$.municipalityName").isEqualTo("香春町")
                .jsonPath("$.fiscalYearLabel").isEqualTo("令和6年度")
                .jsonPath("$.milestones.length()").isEqualTo(7)
                .jsonPath("$.milestones[0].key").isEqualTo("M0_5")
                .jsonPath("$.milestones[0].startTime").isEqualTo("13:30")
                .jsonPath("$.milestones[3].heldOn").isEqualTo(visit2HeldOn)
                .jsonPath("$.milestones[3].totalHeadcount").isEqualTo(6)
                .jsonPath("$.advisors[0].name").isEqualTo("山田 太郎")
                .jsonPath("$.decisions[0].text").isEqualTo("2回目支援では地域運営組織の情報共有を行う")
                .jsonPath("$.homework[0].status").isEqualTo("COMPLETED");

        officer.get().uri("/api/progress/matrix?bureau=kyushu&fiscalYear=2024&programme=KASOKUKA").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.rows.length()").isEqualTo(1)
                .jsonPath("$.rows[0].municipalityCode").isEqualTo(KAHARU)
                .jsonPath("$.rows[0].cells.M0_5.heldOn").isEqualTo("2024-08-05")
                .jsonPath("$.rows[0].cells.M0_5.startTime").isEqualTo("13:30")
                .jsonPath("$.rows[0].cells.M1_5.heldOn").isEqualTo("2024-11-11")
                .jsonPath("$.rows[0].cells.VISIT_2.heldOn").isEqualTo(visit2HeldOn)
                .jsonPath("$.rows[0].cells.REPORT_MEETING.status").isEqualTo("HELD");

        List<Map<String, Object>> timeline = timeline(officer, id);
        assertThat(timeline).hasSize((int) version + 1);
        assertThat(timeline).extracting(e -> ((Number) e.get("seq")).longValue())
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(0, version).boxed().toList());
        assertThat(timeline).allSatisfy(e -> {
            assertThat(e.get("actor")).isEqualTo("officer-kyushu");
            assertThat(e.get("recordedAt")).isNotNull();
            assertThat(e.get("occurredOn")).isNotNull();
            assertThat(e.get("correlationId")).isNotNull();
        });
        assertThat(timeline.get(0).get("type")).isEqualTo("EngagementRegistered");
        assertThat(timeline.get((int) version).get("type")).isEqualTo("EngagementRecordCorrected");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> timeline(WebTestClient client, String id) {
        return client.get().uri("/api/cases/{id}/timeline", id).exchange().expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody().stream()
                .map(m -> (Map<String, Object>) m).toList();
    }
}
