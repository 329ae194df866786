package casebook.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Bad input gets the contract's problem+json, naming the field, and writes no event. */
class BadInputTest {

    @TempDir
    static Path data;
    static RunningCasebook app;
    static WebTestClient officer;
    static String id;

    @BeforeAll
    static void start() {
        app = RunningCasebook.start(data);
        officer = app.as("officer-kyushu");
        id = (String) EngagementEndToEndTest.post(officer, "/api/engagements", Map.of("programme", "KASOKUKA",
                "engagementType", "BUREAU_LED", "fiscalYear", 2024, "municipalityCode", "402036"),
                org.springframework.http.HttpStatus.CREATED).get("id");
        EngagementEndToEndTest.post(officer, "/api/engagements/" + id + "/selection", Map.of("selectedOn", "2024-07-01"),
                org.springframework.http.HttpStatus.OK);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private WebTestClient.BodyContentSpec rejected(String method, String uri, String json, int status) {
        long before = app.storedEvents();
        WebTestClient.BodyContentSpec body = officer.method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(status).jsonPath("$.title").exists().jsonPath("$.detail").exists();
        assertThat(app.storedEvents()).as("a rejected request writes no event").isEqualTo(before);
        return body;
    }

    @Test
    void unknownMunicipalityIsRefusedNamingTheField() {
        rejected("POST", "/api/engagements", """
                {"programme":"KASOKUKA","fiscalYear":2024,"municipalityCode":"999999"}""", 400)
                .jsonPath("$.errors[0].field").isEqualTo("municipalityCode");
    }

    @Test
    void aPrefectureIsNotAMunicipality() {
        rejected("POST", "/api/engagements", """
                {"programme":"KASOKUKA","fiscalYear":2024,"municipalityCode":"400009"}""", 400)
                .jsonPath("$.errors[0].field").isEqualTo("municipalityCode");
    }

    @Test
    void missingFieldsAreAllNamed() {
        rejected("POST", "/api/engagements", "{}", 400)
                .jsonPath("$.errors[?(@.field == 'programme')]").exists()
                .jsonPath("$.errors[?(@.field == 'fiscalYear')]").exists()
                .jsonPath("$.errors[?(@.field == 'municipalityCode')]").exists();
    }

    @Test
    void wrongTypesAreNamed() {
        rejected("POST", "/api/engagements", """
                {"programme":"KASOKUKA","fiscalYear":"abc","municipalityCode":"402036"}""", 400)
                .jsonPath("$.errors[0].field").isEqualTo("fiscalYear");
        rejected("POST", "/api/engagements", """
                {"programme":"NOT_A_PROGRAMME","fiscalYear":2024,"municipalityCode":"402036"}""", 400)
                .jsonPath("$.errors[0].field").isEqualTo("programme");
        rejected("POST", "/api/engagements/" + id + "/milestones/M0_5/held", """
                {"heldOn":"2024-02-30","mode":"ONLINE"}""", 400)
                .jsonPath("$.errors[0].field").isEqualTo("heldOn");
    }

    @Test
    void missingAndInvalidQueryParametersAreNamed() {
        WebTestClient auditor = app.as("auditor");
        for (String[] c : new String[][] {
                {"/api/progress/matrix?fiscalYear=2024&programme=KASOKUKA", "bureau"},
                {"/api/progress/matrix?bureau=kyushu&programme=KASOKUKA", "fiscalYear"},
                {"/api/exports/timeline.csv", "caseId"},
                {"/api/grant-cases?targetFiscalYear=1900", "targetFiscalYear"},
                {"/api/grant-cases?targetFiscalYear=bad", "targetFiscalYear"}}) {
            auditor.get().uri(c[0]).exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").exists()
                    .jsonPath("$.errors.length()").isEqualTo(1)
                    .jsonPath("$.errors[0].field").isEqualTo(c[1])
                    .jsonPath("$.errors[0].message").exists();
        }
    }

    @Test
    void theEngagementListNamesEachRowById() {
        officer.get().uri("/api/engagements?bureau=kyushu&fiscalYear=2024").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + id + "')].municipalityCode").isEqualTo(List.of("402036"));
    }

    @Test
    void aCorrectionNamesTheBadFieldInsideFields() {
        rejected("POST", "/api/engagements/" + id + "/corrections", """
                {"correctsEvent":1,"reason":"誤記","fields":{"selectedOn":"2024-13-01"}}""", 400)
                .jsonPath("$.errors[0].field").isEqualTo("fields.selectedOn");
        rejected("POST", "/api/engagements/" + id + "/corrections", """
                {"correctsEvent":1,"reason":"誤記","fields":{"colour":"red"}}""", 400)
                .jsonPath("$.errors[0].field").isEqualTo("fields.colour");
        rejected("POST", "/api/engagements/" + id + "/corrections", """
                {"correctsEvent":1,"fields":{}}""", 400)
                .jsonPath("$.errors[0].field").isEqualTo("reason");
    }

    @Test
    void unknownFieldsAreRefused() {
        rejected("POST", "/api/engagements/" + id + "/selection", """
                {"selectedOn":"2024-07-01","actor":"someone-else"}""", 400)
                .jsonPath("$.errors[0].field").isEqualTo("actor");
    }

    @Test
    void malformedJsonIsRefused() {
        rejected("POST", "/api/engagements/" + id + "/selection", "{\"selectedOn\":", 400);
    }

    @Test
    void aMilestoneHeldOutOfOrderIsAConflict() {
        rejected("POST", "/api/engagements/" + id + "/milestones/VISIT_2/held", """
                {"heldOn":"2024-11-08","mode":"ONSITE"}""", 409);
    }

    @Test
    void anUnknownMilestoneKindIsNamed() {
        rejected("POST", "/api/engagements/" + id + "/milestones/VISIT_9/held", """
                {"heldOn":"2024-11-08","mode":"ONSITE"}""", 400)
                .jsonPath("$.errors[0].field").isEqualTo("milestone");
    }

    @Test
    void anUnknownCaseIsNotFound() {
        rejected("POST", "/api/engagements/00000000-0000-0000-0000-000000000000/selection", """
                {"selectedOn":"2024-07-01"}""", 404);
        officer.get().uri("/api/engagements/does-not-exist").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        officer.get().uri("/api/cases/does-not-exist/timeline").exchange().expectStatus().isNotFound();
    }

    @Test
    void aStaleIfMatchIsAConflictWithTheCurrentVersion() {
        long before = app.storedEvents();
        officer.post().uri("/api/engagements/" + id + "/decisions").header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("decidedOn", "2024-07-02", "text", "方針"))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.currentVersion").isNumber();
        assertThat(app.storedEvents()).isEqualTo(before);
    }

    @Test
    void theSameMunicipalityCannotBeRegisteredTwiceForOneProgrammeAndYear() {
        rejected("POST", "/api/engagements", """
                {"programme":"KASOKUKA","engagementType":"BUREAU_LED","fiscalYear":2024,"municipalityCode":"402036"}""", 409);
    }

    @Test
    void signInIsRequiredAndAuditorsChangeNothing() {
        app.anonymous().get().uri("/api/engagements").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        long before = app.storedEvents();
        app.as("auditor").post().uri("/api/engagements/" + id + "/decisions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("decidedOn", "2024-07-02", "text", "x")).exchange().expectStatus().isForbidden();
        assertThat(app.storedEvents()).isEqualTo(before);
        app.anonymous().get().uri("/actuator/health").exchange().expectStatus().isOk();
        app.as("auditor").get().uri("/api/engagements?fiscalYear=2024").exchange().expectStatus().isOk()
                .expectBodyList(Map.class).value(list -> assertThat(List.copyOf(list)).isNotEmpty());
    }

    @Test
    void theApiIsDescribedByOpenApiAndMetricsAreForAdmins() {
        app.anonymous().get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/engagements']").exists()
                .jsonPath("$.paths['/api/engagements/{id}/milestones/{kind}/held']").exists()
                .jsonPath("$.paths['/api/progress/matrix']").exists()
                .jsonPath("$.paths['/api/cases/{id}/timeline']").exists();
        app.as("admin").get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
        officer.get().uri("/actuator/prometheus").exchange().expectStatus().isForbidden();
    }
}
