package casebook.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import casebook.demo.DemoScenario;
import java.nio.file.Path;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Officers and supervisors see and change only their own bureau's cases; auditors see every bureau. */
class BureauScopeTest {

    @TempDir
    static Path data;
    static RunningCasebook app;
    static final String KYUSHU_ENGAGEMENT = DemoScenario.engagementId("F01");
    static final String KANTO_ENGAGEMENT = DemoScenario.engagementId("F06");
    static final String KANTO_GRANT = DemoScenario.grantCaseId("G01");

    @BeforeAll
    static void start() {
        app = RunningCasebook.start(data, "casebook.demo-data=true");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aWholeStoreVerificationNamesOnlyTheReadersOwnBureauFailures() {
        // Tamper with one event of a Kyushu case and one of a Kanto case, directly in the database.
        for (String caseId : new String[] {KYUSHU_ENGAGEMENT, KANTO_GRANT}) {
            var events = app.database().getCollection("events");
            Document first = events.find(new Document("sk", caseId + ":0")).first();
            Object payload = first.get("p");
            Object edited = payload instanceof String text ? text.replaceFirst("\\d", "9") + " " : payload + " ";
            events.updateOne(new Document("_id", first.get("_id")), new Document("$set", new Document("p", edited)));
        }
        String officer = app.as("officer-kyushu").get().uri("/api/audit/verify").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(officer).contains("\"ok\":false", KYUSHU_ENGAGEMENT, "outside the cases of bureau kyushu")
                .doesNotContain(KANTO_GRANT);
        String auditor = app.as("auditor").get().uri("/api/audit/verify").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(auditor).contains("\"ok\":false", KYUSHU_ENGAGEMENT, KANTO_GRANT).doesNotContain("outside the cases");
    }

    @Test
    void aCaseOfAnotherBureauIsInvisibleToAnOfficer() {
        WebTestClient kyushu = app.as("officer-kyushu");
        kyushu.get().uri("/api/engagements/{id}", KYUSHU_ENGAGEMENT).exchange().expectStatus().isOk();
        for (String uri : new String[] {"/api/engagements/" + KANTO_ENGAGEMENT, "/api/cases/" + KANTO_ENGAGEMENT + "/timeline",
                "/api/grant-cases/" + KANTO_GRANT, "/api/exports/timeline.csv?caseId=" + KANTO_GRANT,
                "/api/audit/verify?caseId=" + KANTO_GRANT}) {
            kyushu.get().uri(uri).exchange().expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        app.as("supervisor-kyushu").get().uri("/api/engagements/{id}", KANTO_ENGAGEMENT).exchange().expectStatus().isNotFound();
        app.as("auditor").get().uri("/api/engagements/{id}", KANTO_ENGAGEMENT).exchange().expectStatus().isOk();
        app.as("officer-kanto").get().uri("/api/engagements/{id}", KANTO_ENGAGEMENT).exchange().expectStatus().isOk();
    }

    @Test
    void aCommandOnAnOwnCaseIsHandledExactlyOnce() {
        long before = app.storedEvents();
        app.as("officer-kyushu").post().uri("/api/engagements/{id}/decisions", KYUSHU_ENGAGEMENT)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("decidedOn", "2025-03-10", "text", "次年度の方針"))
                .exchange().expectStatus().isOk();
        assertThat(app.storedEvents()).isEqualTo(before + 1);
    }

    @Test
    void anOfficerCannotChangeACaseOfAnotherBureauNorOpenOne() {
        long before = app.storedEvents();
        app.as("officer-kyushu").post().uri("/api/engagements/{id}/decisions", KANTO_ENGAGEMENT)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("decidedOn", "2025-08-01", "text", "x"))
                .exchange().expectStatus().isNotFound();
        app.as("officer-kyushu").post().uri("/api/engagements").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("programme", "KASOKUKA", "fiscalYear", 2026, "municipalityCode", "082341"))
                .exchange().expectStatus().isForbidden();
        app.as("officer-kyushu").post().uri("/api/grant-cases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("grantType", "KIKIN_SHISETSU", "recipient", Map.of("kind", "PREFECTURE", "code", "110001"),
                        "targetFiscalYear", 2026)).exchange().expectStatus().isForbidden();
        assertThat(app.storedEvents()).isEqualTo(before);
    }

    @Test
    void listsShowTheOfficersOwnBureau() {
        app.as("officer-kyushu").get().uri("/api/engagements?bureau=kantoshinetsu&fiscalYear=2025").exchange()
                .expectStatus().isOk().expectBodyList(Map.class)
                .value(list -> assertThat(list).allSatisfy(e -> assertThat(e.get("bureauCode")).isEqualTo("kyushu")));
        app.as("officer-kyushu").get().uri("/api/grant-cases").exchange().expectStatus().isOk().expectBodyList(Map.class)
                .value(list -> assertThat(list).isNotEmpty().allSatisfy(g -> assertThat(g.get("bureauCode")).isEqualTo("kyushu")));
        app.as("auditor").get().uri("/api/grant-cases?targetFiscalYear=2025").exchange().expectStatus().isOk()
                .expectBodyList(Map.class).value(list -> assertThat(list).extracting(g -> g.get("bureauCode"))
                        .contains("kyushu", "kantoshinetsu"));
    }
}
