package casebook.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** 疑義照会 from receipt to a reopened answer, and a 個別協議 approved by the signed-in supervisor, over HTTP. */
class InquiryAndConsultationEndToEndTest {

    @TempDir
    Path data;

    @Test
    void anInquiryIsAnsweredClosedAndReopenedAndAConsultationIsApprovedByTheSignedInSupervisor() {
        try (RunningCasebook app = RunningCasebook.start(data)) {
            WebTestClient officer = app.as("officer-kyushu");
            String q = (String) EngagementEndToEndTest.post(officer, "/api/inquiries", Map.of("fromKind", "MUNICIPALITY",
                    "fromCode", "406015", "channel", "EMAIL", "receivedOn", "2026-11-02", "subject", "対象経費について",
                    "question", "通いの場の備品は対象経費になるか。", "grantType", "CHIIKI_SHIEN_JIGYO"), HttpStatus.CREATED).get("id");
            long before = app.storedEvents();
            EngagementEndToEndTest.post(officer, "/api/inquiries/" + q + "/closure", Map.of("closedOn", "2026-11-03"), HttpStatus.CONFLICT);
            assertThat(app.storedEvents()).as("closing an unanswered inquiry writes nothing").isEqualTo(before);
            EngagementEndToEndTest.post(officer, "/api/inquiries/" + q + "/assignment", Map.of("officer", "officer-kyushu"), HttpStatus.OK);
            EngagementEndToEndTest.post(officer, "/api/inquiries/" + q + "/escalation",
                    Map.of("escalatedOn", "2026-11-04", "question", "備品の取扱いについて"), HttpStatus.OK);
            EngagementEndToEndTest.post(officer, "/api/inquiries/" + q + "/ministry-answer",
                    Map.of("on", "2026-11-10", "answer", "対象となる。"), HttpStatus.OK);
            EngagementEndToEndTest.post(officer, "/api/inquiries/" + q + "/answer", Map.of("on", "2026-11-11", "answer", "対象です。"),
                    HttpStatus.OK);
            EngagementEndToEndTest.post(officer, "/api/inquiries/" + q + "/closure", Map.of("closedOn", "2026-11-12"), HttpStatus.OK);
            EngagementEndToEndTest.post(officer, "/api/inquiries/" + q + "/reopening",
                    Map.of("reopenedOn", "2026-11-13", "reason", "追加の質問"), HttpStatus.OK);
            officer.get().uri("/api/inquiries/{id}", q).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.fromName").isEqualTo("香春町")
                    .jsonPath("$.bureauCode").isEqualTo("kyushu")
                    .jsonPath("$.answer").isEqualTo("対象です。")
                    .jsonPath("$.reopenings.length()").isEqualTo(1);
            officer.get().uri("/api/inquiries?bureau=kyushu").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$[?(@.id == '" + q + "')].ageDays").isNotEmpty();

            String c = (String) EngagementEndToEndTest.post(officer, "/api/consultations", Map.of("municipalityCode", "406015",
                    "fiscalYear", 2025, "capInputs", Map.of("baselineActual", 180_000_000, "growthRate75Plus", 1.021,
                            "capAmount", 183_780_000), "plannedCost", 195_000_000, "excessAmount", 11_220_000,
                    "reason", "SPECIAL_CIRCUMSTANCE", "reasonDetail", "通いの場の拡充"), HttpStatus.CREATED).get("id");
            EngagementEndToEndTest.post(officer, "/api/consultations/" + c + "/submission",
                    Map.of("submittedOn", "2025-06-20", "prefectureCode", "400009"), HttpStatus.OK);
            EngagementEndToEndTest.post(officer, "/api/consultations/" + c + "/review",
                    Map.of("reviewedOn", "2025-07-10", "findings", "理由を確認"), HttpStatus.OK);
            WebTestClient supervisor = app.as("supervisor-kyushu");
            EngagementEndToEndTest.post(supervisor, "/api/consultations/" + c + "/approval",
                    Map.of("approvedOn", "2025-07-25", "approvedExcessAmount", 11_220_001), HttpStatus.BAD_REQUEST);
            EngagementEndToEndTest.post(supervisor, "/api/consultations/" + c + "/approval",
                    Map.of("approvedOn", "2025-07-25", "approvedExcessAmount", 11_220_000), HttpStatus.OK);
            supervisor.get().uri("/api/consultations/{id}", c).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.status").isEqualTo("APPROVED")
                    .jsonPath("$.approvedBy").isEqualTo("supervisor-kyushu")
                    .jsonPath("$.reviews[0].reviewer").isEqualTo("officer-kyushu");
        }
    }
}
