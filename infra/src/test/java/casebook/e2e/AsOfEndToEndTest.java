package casebook.e2e;

import static casebook.e2e.EngagementEndToEndTest.post;
import static casebook.e2e.EngagementEndToEndTest.timeline;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.time.BusinessCalendar;
import casebook.kernel.time.FiscalYear;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Time travel over HTTP: an engagement with a late entry and its correction, seen as the system knew it before the
 * correction, as it stood before the meeting, and stepped through; a grant case as it stood before its 決裁.
 */
class AsOfEndToEndTest {

    @TempDir
    Path data;

    @Test
    void theCaseAsKnownAtAnInstantAsItStoodOnADateAndStepByStep() {
        try (RunningCasebook app = RunningCasebook.start(data)) {
            WebTestClient officer = app.as("officer-kyushu");
            engagement(officer);
            grantCase(officer, app.as("supervisor-kyushu"));
            badInput(officer);
        }
    }

    private static void engagement(WebTestClient officer) {
        LocalDate today = LocalDate.now(BusinessCalendar.TOKYO);
        LocalDate heldOn = today.minusDays(30);
        LocalDate correctedHeldOn = today.minusDays(29);
        String id = (String) post(officer, "/api/engagements", Map.of("programme", "KASOKUKA",
                "engagementType", "BUREAU_LED", "fiscalYear", FiscalYear.of(heldOn).startYear(),
                "municipalityCode", "406015"), HttpStatus.CREATED).get("id");
        post(officer, "/api/engagements/" + id + "/selection",
                Map.of("selectedOn", today.minusDays(40).toString(), "selectedBy", "BUREAU"), HttpStatus.OK);
        // Held 30 days ago, recorded only today: a late entry.
        post(officer, "/api/engagements/" + id + "/milestones/M0_5/held", Map.of("heldOn", heldOn.toString(),
                "startTime", "13:30", "endTime", "15:00", "mode", "ONLINE",
                "participants", List.of(Map.of("organisation", "香春町", "headcount", 3))), HttpStatus.OK);
        List<Map<String, Object>> before = timeline(officer, id);
        long heldSeq = seq(before.get(before.size() - 1));
        post(officer, "/api/engagements/" + id + "/corrections", Map.of("correctsEvent", heldSeq,
                "reason", "日付の入力誤り", "fields", Map.of("heldOn", correctedHeldOn.toString())), HttpStatus.OK);
        List<Map<String, Object>> timeline = timeline(officer, id);
        Map<String, Object> correction = timeline.get(timeline.size() - 1);
        assertThat(correction.get("type")).isEqualTo("EngagementRecordCorrected");
        Instant correctionRecorded = Instant.parse((String) correction.get("recordedAt"));

        // As the system knew it just before the correction was recorded: the date first typed.
        officer.get().uri(b -> b.path("/api/cases/{id}/state")
                        .queryParam("asOfRecorded", correctionRecorded.minusMillis(1).toString()).build(id))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.caseId").isEqualTo(id)
                .jsonPath("$.caseType").isEqualTo("SUPPORT_ENGAGEMENT")
                .jsonPath("$.asOfRecorded").isEqualTo(correctionRecorded.minusMillis(1).toString())
                .jsonPath("$.lastSeq").isEqualTo((int) heldSeq)
                .jsonPath("$.state.milestones[0].key").isEqualTo("M0_5")
                .jsonPath("$.state.milestones[0].status").isEqualTo("HELD")
                .jsonPath("$.state.milestones[0].heldOn").isEqualTo(heldOn.toString())
                .jsonPath("$.state.milestones[0].startTime").isEqualTo("13:30");
        // Now: the corrected date, the same as the case's own view.
        officer.get().uri("/api/cases/{id}/state", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.eventsApplied").isEqualTo(timeline.size())
                .jsonPath("$.lastSeq").isEqualTo((int) seq(correction))
                .jsonPath("$.state.id").isEqualTo(id)
                .jsonPath("$.state.municipalityName").isEqualTo("香春町")
                .jsonPath("$.state.milestones[0].heldOn").isEqualTo(correctedHeldOn.toString());
        // As it stood the day before the meeting: selected, the meeting not held.
        officer.get().uri(b -> b.path("/api/cases/{id}/state")
                        .queryParam("asOfOccurred", heldOn.minusDays(1).toString()).build(id))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.asOfOccurred").isEqualTo(heldOn.minusDays(1).toString())
                .jsonPath("$.state.status").isEqualTo("SELECTED")
                .jsonPath("$.state.milestones[0].status").isEqualTo("NOT_PLANNED")
                .jsonPath("$.state.milestones[0].heldOn").doesNotExist();
        // On the day of the meeting, as known now: held, on the date first typed (the correction is dated today).
        officer.get().uri(b -> b.path("/api/cases/{id}/state").queryParam("asOfOccurred", heldOn.toString()).build(id))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.state.milestones[0].status").isEqualTo("HELD")
                .jsonPath("$.state.milestones[0].heldOn").isEqualTo(heldOn.toString());

        List<Map<String, Object>> steps = steps(officer, id);
        assertThat(steps).extracting(AsOfEndToEndTest::seq)
                .containsExactlyElementsOf(timeline.stream().map(AsOfEndToEndTest::seq).toList());
        Map<String, Object> held = steps.get((int) heldSeq);
        assertThat(held.get("type")).isEqualTo("MilestoneHeld");
        assertThat(held.get("lateEntry")).isEqualTo(true);
        assertThat(held.get("correctedBy")).isEqualTo(List.of((int) seq(correction)));
        assertThat(changes(held)).anySatisfy(c -> {
            assertThat(c.get("path")).isEqualTo("milestones[0].status");
            assertThat(c.get("after")).isEqualTo("HELD");
        });
        Map<String, Object> corrected = steps.get(steps.size() - 1);
        assertThat(corrected.get("type")).isEqualTo("EngagementRecordCorrected");
        assertThat(corrected.get("typeLabel")).isEqualTo("記録訂正");
        assertThat(((Number) corrected.get("corrects")).longValue()).isEqualTo(heldSeq);
        assertThat(corrected.get("lateEntry")).isEqualTo(false);
        assertThat(corrected.get("actor")).isEqualTo("officer-kyushu");
        assertThat(changes(corrected)).containsExactly(Map.of("path", "milestones[0].heldOn",
                "before", heldOn.toString(), "after", correctedHeldOn.toString()));

        // A correction without fields (CONTRACT.md: fields optional) marks the selection as recorded wrongly, with
        // its reason, and changes nothing in the case.
        long selectedSeq = 1;
        post(officer, "/api/engagements/" + id + "/corrections", Map.of("correctsEvent", selectedSeq,
                "reason", "選定の記録は別案件のもの（根拠資料なし）"), HttpStatus.OK);
        List<Map<String, Object>> annotated = timeline(officer, id);
        Map<String, Object> note = annotated.get(annotated.size() - 1);
        assertThat(note.get("type")).isEqualTo("EngagementRecordCorrected");
        assertThat(((Map<?, ?>) note.get("payload")).get("reason")).isEqualTo("選定の記録は別案件のもの（根拠資料なし）");
        assertThat(annotated.get((int) selectedSeq).get("correctedBy")).isEqualTo(List.of((int) seq(note)));
        List<Map<String, Object>> noted = steps(officer, id);
        assertThat(changes(noted.get(noted.size() - 1))).isEmpty();
        officer.get().uri("/api/engagements/{id}", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.selectedOn").isEqualTo(today.minusDays(40).toString())
                .jsonPath("$.milestones[0].heldOn").isEqualTo(correctedHeldOn.toString());
    }

    private static void grantCase(WebTestClient officer, WebTestClient supervisor) {
        String id = (String) post(officer, "/api/grant-cases", Map.of("grantType", "CHIIKI_SHIEN_JIGYO",
                "recipient", Map.of("kind", "MUNICIPALITY", "code", "402036"), "targetFiscalYear", 2025),
                HttpStatus.CREATED).get("id");
        String initial = (String) post(officer, "/api/grant-cases/" + id + "/procedures", Map.of("kind", "INITIAL"),
                HttpStatus.CREATED).get("procedureId");
        List<Object[]> steps = List.of(new Object[] {"PRECONSULTATION_REQUESTED", "2025-07-25", null},
                new Object[] {"PRECONSULTATION_SUBMITTED", "2025-08-27", 5_100_000},
                new Object[] {"PROVISIONAL_NOTIFIED", "2025-11-26", 5_000_000},
                new Object[] {"APPLICATION_REQUESTED", "2026-02-13", null},
                new Object[] {"APPLICATION_SUBMITTED", "2026-02-25", 5_000_000},
                new Object[] {"EXPENDITURE_AUTHORITY_RECEIVED", "2026-03-09", 5_000_000},
                new Object[] {"DECISION_APPROVED", "2026-03-13", 4_800_000});
        for (Object[] s : steps) {
            Map<String, Object> body = s[2] == null ? Map.of("on", s[1]) : Map.of("on", s[1], "amount", s[2]);
            // 交付決定決裁 is a supervisor's approval.
            post("DECISION_APPROVED".equals(s[0]) ? supervisor : officer,
                    "/api/grant-cases/" + id + "/procedures/" + initial + "/steps/" + s[0], body, HttpStatus.OK);
        }

        // The day before 決裁: authorised, waiting for the decision, no decided amount.
        Map<String, Object> before = state(officer, id, "asOfOccurred", "2026-03-12");
        Map<String, Object> procedure = procedure(before);
        Map<?, ?> amounts = (Map<?, ?>) procedure.get("amounts");
        assertThat(amounts.get("authorised")).isEqualTo(5_000_000);
        assertThat(amounts.get("decided")).isNull();
        assertThat(((Map<?, ?>) before.get("state")).get("pendingApproval")).isEqualTo(true);
        assertThat((List<?>) procedure.get("steps")).anySatisfy(s -> {
            assertThat(((Map<?, ?>) s).get("step")).isEqualTo("DECISION_APPROVED");
            assertThat(((Map<?, ?>) s).get("status")).isNotEqualTo("DONE");
        });
        // The procedure was opened in the system today, after the facts it holds: they still show on their dates.
        assertThat(((Number) before.get("eventsApplied")).intValue()).isEqualTo(2 + 6);

        Map<String, Object> now = state(officer, id, null, null);
        assertThat(((Map<?, ?>) procedure(now).get("amounts")).get("decided")).isEqualTo(4_800_000);
        assertThat(((Map<?, ?>) now.get("state")).get("pendingApproval")).isEqualTo(false);
        Map<String, Object> decisionStep = steps(officer, id).stream()
                .filter(s -> "交付決定決裁".equals(s.get("typeLabel"))).findFirst().orElseThrow();
        assertThat(changes(decisionStep)).anySatisfy(c -> {
            assertThat(c.get("path")).isEqualTo("procedures[0].amounts.decided");
            assertThat(c.get("before")).isNull();
            assertThat(c.get("after")).isEqualTo(4_800_000);
        });
    }

    private static void badInput(WebTestClient officer) {
        officer.get().uri("/api/cases/{id}/state?asOfRecorded=2025-01-01T00:00:00Z&asOfOccurred=2025-01-01", "x")
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("asOfOccurred");
        officer.get().uri("/api/cases/{id}/state?asOfRecorded=yesterday", "x")
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("asOfRecorded");
        officer.get().uri("/api/cases/{id}/state?asOfOccurred=2025-13-01", "x")
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("asOfOccurred");
        officer.get().uri("/api/cases/{id}/state", "no-such-case").exchange().expectStatus().isNotFound();
        officer.get().uri("/api/cases/{id}/state?asOfOccurred=2025-01-01", "no-such-case").exchange()
                .expectStatus().isNotFound();
        officer.get().uri("/api/cases/{id}/steps", "no-such-case").exchange().expectStatus().isNotFound();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(WebTestClient client, String id, String param, String value) {
        return client.get().uri(b -> {
                    b.path("/api/cases/{id}/state");
                    if (param != null) {
                        b.queryParam(param, value);
                    }
                    return b.build(id);
                }).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> procedure(Map<String, Object> state) {
        return (Map<String, Object>) ((List<?>) ((Map<?, ?>) state.get("state")).get("procedures")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(WebTestClient client, String id) {
        return client.get().uri("/api/cases/{id}/steps", id).exchange().expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody().stream()
                .map(m -> (Map<String, Object>) m).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> changes(Map<String, Object> step) {
        return (List<Map<String, Object>>) step.get("changes");
    }

    private static long seq(Map<String, Object> entry) {
        return ((Number) entry.get("seq")).longValue();
    }
}
