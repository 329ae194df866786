package casebook.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.EncoderHttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One 地域支援事業交付金 case of 湯沢市 over HTTP: the initial grant from pre-consultation to payment, then the
 * next year's confirmation with a refund; the guards, the worklist, the deadline board and the amount trail.
 */
class GrantCaseEndToEndTest {

    @TempDir
    Path data;

    private static Map<String, Object> step(WebTestClient c, String id, String procedure, String step, Map<String, Object> body,
                                            HttpStatus expected) {
        return EngagementEndToEndTest.post(c, "/api/grant-cases/" + id + "/procedures/" + procedure + "/steps/" + step, body, expected);
    }

    private static Map<String, Object> on(String date) {
        return Map.of("on", date);
    }

    private static Map<String, Object> on(String date, long amount) {
        return Map.of("on", date, "amount", amount);
    }

    /** The worklist's JSON is kept while its rows stay (KeptJsonEncoder); a recorded step shows at the next look. */
    @Test
    void aWorklistAskedAgainAndAgainShowsARecordedStepAtTheNextLook() {
        try (RunningCasebook app = RunningCasebook.start(data)) {
            assertThat(app.bean(ServerCodecConfigurer.class).getWriters()).anySatisfy(w -> assertThat(w)
                    .isInstanceOfSatisfying(EncoderHttpMessageWriter.class,
                            e -> assertThat(e.getEncoder().getClass().getSimpleName()).isEqualTo("KeptJsonEncoder")));
            WebTestClient officer = app.as("officer-kyushu");
            String id = (String) EngagementEndToEndTest.post(officer, "/api/grant-cases", Map.of(
                    "grantType", "CHIIKI_SHIEN_JIGYO", "recipient", Map.of("kind", "MUNICIPALITY", "code", "402036"),
                    "targetFiscalYear", 2025), HttpStatus.CREATED).get("id");
            String initial = (String) EngagementEndToEndTest.post(officer, "/api/grant-cases/" + id + "/procedures",
                    Map.of("kind", "INITIAL"), HttpStatus.CREATED).get("procedureId");
            String path = "/api/grant-cases?bureau=kyushu&targetFiscalYear=2025";
            String first = officer.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                    .getResponseBody();
            for (int i = 0; i < 3; i++) {
                officer.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).isEqualTo(first);
            }

            step(officer, id, initial, "PRECONSULTATION_REQUESTED", on("2025-07-25"), HttpStatus.OK);

            officer.get().uri(path).exchange().expectStatus().isOk().expectBodyList(Map.class)
                    .value(list -> assertThat(list).singleElement().satisfies(row -> {
                        assertThat(row.get("id")).isEqualTo(id);
                        assertThat(((Number) row.get("version")).longValue()).isEqualTo(2);
                        // The planned steps are the deadline board's answer, not the worklist's.
                        assertThat(row).containsKey("procedures").doesNotContainKey("schedule");
                    }));
            officer.get().uri("/api/grants/deadlines?bureau=kyushu&from=2025-04-01&to=2026-06-30").exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$[?(@.grantCaseId == '" + id + "' && @.step == 'APPLICATION_SUBMITTED')]").exists();
            assertThat(first).contains("\"version\":1");
        }
    }

    @Test
    void aCommunitySupportGrantFromPreConsultationToPaymentAndTheNextYearsConfirmationWithARefund() {
        try (RunningCasebook app = RunningCasebook.start(data)) {
            WebTestClient officer = app.as("officer-kyushu");
            // 交付決定決裁 is a supervisor's approval.
            WebTestClient supervisor = app.as("supervisor-kyushu");
            officer.post().uri("/api/grant-cases/x/procedures/y/steps/DECISION_APPROVED").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"on\":\"2026-03-13\",\"amount\":1}").exchange().expectStatus().isForbidden();
            Map<String, Object> opened = EngagementEndToEndTest.post(officer, "/api/grant-cases", Map.of(
                    "grantType", "CHIIKI_SHIEN_JIGYO", "recipient", Map.of("kind", "MUNICIPALITY", "code", "402036"),
                    "targetFiscalYear", 2025), HttpStatus.CREATED);
            String id = (String) opened.get("id");
            String initial = (String) EngagementEndToEndTest.post(officer, "/api/grant-cases/" + id + "/procedures",
                    Map.of("kind", "INITIAL"), HttpStatus.CREATED).get("procedureId");

            step(officer, id, initial, "PRECONSULTATION_REQUESTED", on("2025-07-25"), HttpStatus.OK);
            step(officer, id, initial, "PRECONSULTATION_SUBMITTED", on("2025-08-27", 5_100_000), HttpStatus.OK);
            step(officer, id, initial, "PROVISIONAL_NOTIFIED", on("2025-11-26", 5_000_000), HttpStatus.OK);
            // 交付決定決裁 before 支出負担行為示達 is refused and writes nothing.
            long before = app.storedEvents();
            step(supervisor, id, initial, "DECISION_APPROVED", on("2026-03-10", 4_800_000), HttpStatus.CONFLICT);
            assertThat(app.storedEvents()).isEqualTo(before);
            step(officer, id, initial, "APPLICATION_REQUESTED", on("2026-02-13"), HttpStatus.OK);
            step(officer, id, initial, "APPLICATION_SUBMITTED", on("2026-02-25", 5_000_000), HttpStatus.OK);
            step(officer, id, initial, "EXPENDITURE_AUTHORITY_RECEIVED", on("2026-03-09", 5_000_000), HttpStatus.OK);
            officer.get().uri("/api/grants/pending-approvals?bureau=kyushu").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$[?(@.grantCaseId == '" + id + "')].authorisedAmount").isEqualTo(5_000_000);
            // Above the authorised amount: refused. Negative and fractional yen: refused, naming the field.
            step(supervisor, id, initial, "DECISION_APPROVED", on("2026-03-13", 5_000_001), HttpStatus.CONFLICT);
            supervisor.post().uri("/api/grant-cases/{id}/procedures/{p}/steps/DECISION_APPROVED", id, initial)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"on\":\"2026-03-13\",\"amount\":-1}").exchange()
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("amount");
            supervisor.post().uri("/api/grant-cases/{id}/procedures/{p}/steps/DECISION_APPROVED", id, initial)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"on\":\"2026-03-13\",\"amount\":4800000.5}").exchange()
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("amount");
            officer.post().uri("/api/grant-cases/{id}/procedures/{p}/steps/NOT_A_STEP", id, initial)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"on\":\"2026-03-13\"}").exchange()
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("step");
            assertThat(app.storedEvents()).isEqualTo(before + 3);

            step(supervisor, id, initial, "DECISION_APPROVED", on("2026-03-13", 4_800_000), HttpStatus.OK);
            step(officer, id, initial, "DECISION_NOTIFIED", Map.of("on", "2026-03-16", "noticeNo", "九厚発0316第21号"), HttpStatus.OK);
            step(officer, id, initial, "PAID", on("2026-03-27", 4_800_000), HttpStatus.OK);
            officer.get().uri("/api/grants/pending-approvals?bureau=kyushu").exchange().expectStatus().isOk()
                    .expectBodyList(Map.class).value(list -> assertThat(list).noneMatch(p -> id.equals(p.get("grantCaseId"))));

            // The following year: the performance report of FY2025 and its confirmation.
            String confirmation = (String) EngagementEndToEndTest.post(officer, "/api/grant-cases/" + id + "/procedures",
                    Map.of("kind", "CONFIRMATION"), HttpStatus.CREATED).get("procedureId");
            step(officer, id, confirmation, "REPORT_REQUESTED", on("2026-05-14"), HttpStatus.OK);
            // Before the report is in, 確定 is refused; the board shows the report outstanding and past its plan.
            step(officer, id, confirmation, "AMOUNT_CONFIRMED", on("2026-07-01", 4_500_000), HttpStatus.CONFLICT);
            officer.get().uri("/api/grants/deadlines?bureau=kyushu&from=2026-04-01&to=2026-09-30").exchange().expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$[?(@.grantCaseId == '" + id + "' && @.step == 'REPORT_SUBMITTED')].recorded").isEqualTo(false)
                    .jsonPath("$[?(@.grantCaseId == '" + id + "' && @.step == 'REPORT_SUBMITTED')].overdue").isEqualTo(true)
                    .jsonPath("$[?(@.grantCaseId == '" + id + "' && @.step == 'REPORT_REQUESTED')].recorded").isEqualTo(true);
            officer.get().uri("/api/grant-cases?bureau=kyushu&targetFiscalYear=2025&waitingFor=REPORT_SUBMITTED").exchange()
                    .expectStatus().isOk().expectBodyList(Map.class)
                    .value(list -> assertThat(list).anyMatch(c -> id.equals(c.get("id"))));

            step(officer, id, confirmation, "REPORT_SUBMITTED", on("2026-07-10", 4_500_000), HttpStatus.OK);
            step(officer, id, confirmation, "REVIEWED", on("2026-09-30"), HttpStatus.OK);
            step(officer, id, confirmation, "AMOUNT_CONFIRMED", on("2027-01-14", 4_500_000), HttpStatus.OK);
            step(officer, id, confirmation, "CONFIRMATION_NOTIFIED", Map.of("on", "2027-01-15", "noticeNo", "九厚発0115第3号"), HttpStatus.OK);
            step(officer, id, confirmation, "REFUND_ORDERED", on("2027-01-15", 300_000), HttpStatus.OK);
            step(officer, id, confirmation, "REFUND_RECEIVED", on("2027-02-20", 300_000), HttpStatus.OK);

            officer.get().uri("/api/grant-cases/{id}", id).exchange().expectStatus().isOk()
                    .expectHeader().exists("ETag").expectBody()
                    .jsonPath("$.bureauCode").isEqualTo("kyushu")
                    .jsonPath("$.recipientName").isEqualTo("久留米市")
                    .jsonPath("$.procedures[0].amounts.requested").isEqualTo(5_000_000)
                    .jsonPath("$.procedures[0].amounts.provisional").isEqualTo(5_000_000)
                    .jsonPath("$.procedures[0].amounts.authorised").isEqualTo(5_000_000)
                    .jsonPath("$.procedures[0].amounts.decided").isEqualTo(4_800_000)
                    .jsonPath("$.procedures[0].amounts.paid").isEqualTo(4_800_000)
                    .jsonPath("$.procedures[1].amounts.confirmed").isEqualTo(4_500_000)
                    .jsonPath("$.procedures[1].amounts.settlement").isEqualTo(-300_000)
                    .jsonPath("$.procedures[1].amounts.refundOrdered").isEqualTo(300_000)
                    .jsonPath("$.procedures[1].amounts.refundReceived").isEqualTo(300_000);

            List<Map<String, Object>> timeline = EngagementEndToEndTest.timeline(officer, id);
            // opened, INITIAL opened, its 9 steps, CONFIRMATION opened, its 7 steps
            assertThat(timeline).hasSize(1 + 1 + 9 + 1 + 7);
            assertThat(timeline).allSatisfy(e -> assertThat(e.get("caseType")).isEqualTo("GRANT_CASE"));
            assertThat(timeline).filteredOn(e -> "GrantStepRecorded".equals(e.get("type")))
                    .extracting(e -> e.get("typeLabel")).contains("支出負担行為示達", "交付決定決裁");

            // For auditors' own tools: CSV that Excel opens in Japanese (UTF-8 with BOM), and JSON Lines.
            byte[] csv = app.as("auditor").get().uri("/api/exports/timeline.csv?caseId={id}", id).exchange().expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith("text/csv").expectBody().returnResult().getResponseBody();
            assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
            String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text.split("\r\n")).hasSize(timeline.size() + 1);
            assertThat(text).contains("\"支出負担行為示達\"", "\"officer-kyushu\"");
            assertThat(text.split("\r\n")[0]).contains("prevHash,hash,payload");
            assertThat(text.split("\r\n")[timeline.size()]).contains((String) timeline.get(timeline.size() - 1).get("hash"));
            String jsonl = app.as("auditor").get().uri("/api/exports/timeline.jsonl?caseId={id}", id).exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(jsonl.lines()).hasSize(timeline.size()).allSatisfy(l -> assertThat(l).startsWith("{").contains("\"seq\""));
            app.as("auditor").get().uri("/api/audit/verify?caseId={id}", id).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.ok").isEqualTo(true);

            // Closed with the refund received on 2027-02-20 (FY2026): kept from 2027-04-01 for 5 years.
            app.as("auditor").get().uri("/api/cases/{id}/retention", id).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.caseType").isEqualTo("GRANT_CASE")
                    .jsonPath("$.closedOn").isEqualTo("2027-02-20")
                    .jsonPath("$.retentionStartsOn").isEqualTo("2027-04-01")
                    .jsonPath("$.retainUntil").isEqualTo("2032-03-31");
            app.as("auditor").get().uri("/api/audit/retention?bureau=kyushu&dueBy=2032-12-31").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$[?(@.caseId == '" + id + "')]").isNotEmpty();
            app.as("auditor").get().uri("/api/audit/retention?bureau=kyushu&dueBy=2031-01-01").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$[?(@.caseId == '" + id + "')]").isEmpty();
        }
    }
}
