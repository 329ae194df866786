package casebook.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** First start loads the seed engagements as real events; the Kyushu matrix then reads as the seed table. */
class DemoDataTest {

    /** DOMAIN.md §2.5, [002 L2583-2627]: date, and start–end for the .5 meetings. */
    static final Map<String, List<String>> KYUSHU_FY2024 = Map.of(
            "402036", List.of("2024-08-07 15:00-16:30", "2024-10-03", "2024-10-18 10:00-11:30", "2024-11-08",
                    "2024-12-24 15:00-16:30", "2025-02-05", "2025-03-07"),
            "406015", List.of("2024-08-05 13:30-15:00", "2024-10-02", "2024-11-11 13:30-15:00", "2024-12-17",
                    "2025-01-14 13:30-15:00", "2025-01-30", "2025-03-07"),
            "413879", List.of("2024-07-31 14:00-15:30", "2024-10-10", "2024-11-11 15:30-17:00", "2024-12-23",
                    "2025-01-21 13:00-14:30", "2025-02-18", "2025-03-07"));
    static final List<String> COLUMNS = List.of("M0_5", "VISIT_1", "M1_5", "VISIT_2", "M2_5", "VISIT_3", "REPORT_MEETING");

    @TempDir
    Path data;

    @Test
    @SuppressWarnings("unchecked")
    void theKyushuMatrixReadsExactlyAsTheSeedTableAndSurvivesARestart() throws IOException {
        try (RunningCasebook app = RunningCasebook.start(data, "casebook.demo-data=true")) {
            assertKyushuMatrix(app.as("officer-kyushu"));
            WebTestClient kanto = app.as("officer-kanto");
            kanto.get().uri("/api/engagements?bureau=kantoshinetsu&fiscalYear=2025").exchange()
                    .expectStatus().isOk().expectBodyList(Map.class).hasSize(4);
            // The seed roster has two prefecture-led cases against a limit of one: shown, not blocked (DOMAIN.md §8.1).
            kanto.get().uri("/api/limits?fiscalYear=2025&bureau=kantoshinetsu").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$[?(@.engagementType == 'PREFECTURE_LED')].selected").isEqualTo(2)
                    .jsonPath("$[?(@.engagementType == 'PREFECTURE_LED')].exceeded").isEqualTo(true)
                    .jsonPath("$[?(@.engagementType == 'BUREAU_LED')].selected").isEqualTo(2)
                    .jsonPath("$[?(@.engagementType == 'BUREAU_LED')].exceeded").isEqualTo(false);
            String kofu = (String) EngagementEndToEndTest.post(kanto, "/api/engagements", Map.of("programme", "KASOKUKA",
                    "engagementType", "BUREAU_LED", "fiscalYear", 2025, "municipalityCode", "192015"),
                    org.springframework.http.HttpStatus.CREATED).get("id");
            Map<String, Object> selected = EngagementEndToEndTest.post(kanto, "/api/engagements/" + kofu + "/selection",
                    Map.of("selectedOn", "2025-07-01"), org.springframework.http.HttpStatus.OK);
            assertThat((List<String>) selected.get("warnings")).singleElement().asString().contains("3件選定", "上限2件");
            assertGrantListsHaveContent(app);
            assertCompressedWhenAsked(app.as("supervisor-kyushu"), "/api/grants/deadlines?bureau=kyushu&from=2024-04-01&to=2027-03-31");
        }
        long events;
        try (RunningCasebook app = RunningCasebook.start(data, "casebook.demo-data=true")) {
            events = app.storedEvents();
            assertKyushuMatrix(app.as("officer-kyushu"));
        }
        try (RunningCasebook app = RunningCasebook.start(data, "casebook.demo-data=true")) {
            assertThat(app.storedEvents()).as("demo data load only once").isEqualTo(events);
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertKyushuMatrix(WebTestClient client) {
        Map<String, Object> matrix = client.get().uri("/api/progress/matrix?bureau=kyushu&fiscalYear=2024&programme=KASOKUKA")
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> rows = (List<Map<String, Object>>) matrix.get("rows");
        assertThat(rows).extracting(r -> r.get("municipalityCode")).containsExactly("402036", "406015", "413879");
        for (Map<String, Object> row : rows) {
            Map<String, Map<String, Object>> cells = (Map<String, Map<String, Object>>) row.get("cells");
            List<String> expected = KYUSHU_FY2024.get((String) row.get("municipalityCode"));
            for (int i = 0; i < COLUMNS.size(); i++) {
                Map<String, Object> cell = cells.get(COLUMNS.get(i));
                String shown = cell.get("heldOn") + (cell.get("startTime") == null ? ""
                        : " " + cell.get("startTime") + "-" + cell.get("endTime"));
                assertThat(shown).as(row.get("municipalityName") + " " + COLUMNS.get(i)).isEqualTo(expected.get(i));
                assertThat(cell.get("status")).isEqualTo("HELD");
            }
        }
    }

    /** A browser asks for gzip and gets the same answer compressed; a client that does not ask gets it as it is. */
    private static void assertCompressedWhenAsked(WebTestClient client, String path) throws IOException {
        byte[] plain = client.get().uri(path).exchange().expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.CONTENT_ENCODING).expectBody().returnResult().getResponseBody();
        byte[] gzipped = client.get().uri(path).header(HttpHeaders.ACCEPT_ENCODING, "gzip").exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_ENCODING, "gzip").expectBody().returnResult().getResponseBody();
        assertThat(plain.length).as("an answer worth compressing").isGreaterThan(2048);
        assertThat(gzipped.length).isLessThan(plain.length / 3);
        ObjectMapper json = new ObjectMapper();
        try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            assertThat(json.readTree(unzipped.readAllBytes())).isEqualTo(json.readTree(plain));
        }
    }

    /** The demo grant cases give every grant list something to show (issue: "every list above has content"). */
    private static void assertGrantListsHaveContent(RunningCasebook app) {
        WebTestClient supervisor = app.as("supervisor-kyushu");
        supervisor.get().uri("/api/grants/pending-approvals?bureau=kyushu").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.recipientName == '佐賀県後期高齢者医療広域連合')].authorisedAmount").isEqualTo(94_000_000);
        supervisor.get().uri("/api/grant-cases?bureau=kyushu&targetFiscalYear=2026").exchange().expectStatus().isOk()
                .expectBodyList(Map.class).hasSize(3);
        supervisor.get().uri("/api/grants/deadlines?bureau=kyushu&from=2026-04-01&to=2027-03-31").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.recorded == true)]").isNotEmpty()
                .jsonPath("$[?(@.overdue == true)]").isNotEmpty();
        app.as("officer-kanto").get().uri("/api/grant-cases?bureau=kantoshinetsu&grantType=KIKIN_SHISETSU&targetFiscalYear=2025")
                .exchange().expectStatus().isOk().expectBodyList(Map.class).hasSize(2);
        supervisor.get().uri("/api/inquiries?bureau=kyushu").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].awaitingMinistry").isEqualTo(true)
                .jsonPath("$[0].ageDays").isNumber();
        app.as("officer-kanto").get().uri("/api/inquiries?bureau=kantoshinetsu&includeClosed=true").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].status").isEqualTo("CLOSED");
        for (String bureau : List.of("kyushu", "kantoshinetsu")) {
            supervisor.get().uri("/api/audit/controls?bureau={b}&fiscalYear=2025", bureau).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.allPassed").isEqualTo(true)
                    .jsonPath("$.controls[?(@.rule == 'DECISION_AFTER_AUTHORITY')].checked").isEqualTo(1);
        }
        supervisor.get().uri("/api/consultations?bureau=kyushu&fiscalYear=2025").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].municipalityName").isEqualTo("香春町")
                .jsonPath("$[0].approvedExcessAmount").isEqualTo(11_220_000);
    }
}
