package casebook.e2e;

import static casebook.e2e.EngagementEndToEndTest.post;
import static casebook.e2e.Prometheus.delta;
import static casebook.e2e.Prometheus.has;
import static casebook.e2e.Prometheus.sum;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.demo.DemoScenario;
import casebook.e2e.Prometheus.Sample;
import casebook.embedded.EmbeddedMongo;
import casebook.eventstore.MongoTokenStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.ReplayToken;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The real application on the embedded server with the demo data, watched the way an operator would: commands are
 * sent over HTTP and then /actuator/prometheus is scraped as the administrator (command timer, events appended,
 * processor lag), /actuator/health is read without credentials (the database and each processor), and projection
 * rebuilds are started at /api/admin/operations and must give back exactly the read models there were before, with
 * nothing left kept in memory unwritten.
 * Waits poll with a deadline; nothing sleeps for a fixed time and hopes.
 */
class ObservabilityEndToEndTest {

    static final List<String> PROCESSORS = List.of("casebook.audittrail", "casebook.grantwork", "casebook.inquiries",
            "casebook.progress");
    static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    static Path data;
    static RunningCasebook app;

    @BeforeAll
    static void start() {
        // A checkpoint every 50 positions: the demo data's rebuilds then keep cases between batches, write them at
        // several checkpoints and at the replay's end (ADR 0020), and must still give back the same read models.
        app = RunningCasebook.start(data, "casebook.demo-data=true", "casebook.replay-checkpoint-events=50");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theCommandTimerAndTheEventsAppendedCountWhatWasSentAndTheProcessorsCatchUp() {
        awaitCaughtUp();
        List<Sample> before = scrape();
        long storedBefore = app.storedEvents();

        WebTestClient officer = app.as("officer-kyushu");
        String id = (String) post(officer, "/api/engagements", Map.of("programme", "KASOKUKA", "engagementType", "BUREAU_LED",
                "fiscalYear", 2027, "municipalityCode", EngagementEndToEndTest.KAHARU), HttpStatus.CREATED).get("id");
        post(officer, "/api/engagements/" + id + "/selection", Map.of("selectedOn", "2027-05-01", "selectedBy", "BUREAU"), HttpStatus.OK);
        post(officer, "/api/engagements/" + id + "/advisors", Map.of("name", "山田 太郎", "affiliation", "○○大学"), HttpStatus.OK);
        post(officer, "/api/engagements/" + id + "/advisors", Map.of("name", "佐藤 花子", "affiliation", "△△研究所"), HttpStatus.OK);
        // Out of order: rejected by the aggregate, so timed as "rejected" and no event stored.
        post(officer, "/api/engagements/" + id + "/milestones/VISIT_1/held", Map.of("heldOn", "2027-06-01", "mode", "ONSITE"),
                HttpStatus.CONFLICT);

        List<Sample> after = scrape();
        assertThat(delta(before, after, "casebook_commands_seconds_count", "command", "RegisterEngagement", "outcome", "success"))
                .isEqualTo(1);
        assertThat(delta(before, after, "casebook_commands_seconds_count", "command", "SelectEngagement", "outcome", "success"))
                .isEqualTo(1);
        assertThat(delta(before, after, "casebook_commands_seconds_count", "command", "AssignAdvisor", "outcome", "success"))
                .isEqualTo(2);
        assertThat(delta(before, after, "casebook_commands_seconds_count", "command", "RecordMilestoneHeld", "outcome", "rejected"))
                .isEqualTo(1);
        assertThat(delta(before, after, "casebook_commands_seconds_count", "command", "RecordMilestoneHeld", "outcome", "success"))
                .isZero();
        assertThat(sum(after, "casebook_commands_seconds_bucket", "command", "AssignAdvisor", "outcome", "success", "le", "+Inf"))
                .as("latency buckets for quantiles").isGreaterThanOrEqualTo(2);
        // The four commands after the registration found the case in memory (RecentCases, ADR 0022): none loaded it.
        assertThat(delta(before, after, "casebook_cases_lookups_total", "result", "hit")).isEqualTo(4);
        assertThat(delta(before, after, "casebook_cases_lookups_total", "result", "miss")).isZero();
        // Four events: registered, selected, two advisors; the stored count agrees.
        assertThat(delta(before, after, "casebook_events_appended_total")).isEqualTo(4);
        assertThat(app.storedEvents() - storedBefore).isEqualTo(4);
        assertThat(sum(after, "casebook_events_appended_total", "aggregate", "SupportEngagement"))
                .isGreaterThanOrEqualTo(4);
        // The store's operations are timed by command and collection: each of the four appends inserted into the event
        // store (the rejected command inserted nothing), and the pool reports its connections.
        assertThat(delta(before, after, "mongodb_driver_commands_seconds_count", "command", "insert", "collection", "events"))
                .isEqualTo(4);
        assertThat(has(after, "mongodb_driver_pool_size")).isTrue();
        // Each append was made durable by a commit of the embedded store, which every operation waits for: counted.
        assertThat(delta(before, after, "casebook_embedded_commits_total")).isGreaterThanOrEqualTo(1);
        assertThat(sum(after, "casebook_embedded_commit_holding_seconds_total")).isPositive();
        assertThat(sum(after, "casebook_embedded_commit_writing_seconds_total")).isPositive();
        assertThat(has(after, "casebook_embedded_commit_waiting_seconds_total")).isTrue();

        // Every processor has its gauges, and they come down to 0 once the projections have the four events.
        for (String processor : PROCESSORS) {
            assertThat(has(after, "casebook_processor_lag_events", "processor", processor)).as(processor).isTrue();
            assertThat(has(after, "casebook_processor_lag_seconds", "processor", processor)).as(processor).isTrue();
            assertThat(has(after, "casebook_processor_position", "processor", processor)).as(processor).isTrue();
            assertThat(has(after, "casebook_processor_errors_total", "processor", processor)).as(processor).isTrue();
            assertThat(has(after, "casebook_processor_batch_events_count", "processor", processor)).as(processor).isTrue();
        }
        assertThat(sum(after, "casebook_instances_live")).as("this instance, alone on its store").isEqualTo(1);
        // The gauges may be a second old (ProcessorProgress caches them) and the demo data may still be loading: wait
        // for a scrape whose head covers every event stored now, with every processor caught up to it.
        long storedNow = app.storedEvents();
        List<Sample> caughtUp = awaitCaughtUp(storedNow);
        double head = sum(caughtUp, "casebook_events_head");
        assertThat(head).isGreaterThanOrEqualTo(storedNow);
        for (String processor : PROCESSORS) {
            assertThat(sum(caughtUp, "casebook_processor_position", "processor", processor)).as(processor).isEqualTo(head);
            assertThat(sum(caughtUp, "casebook_processor_lag_seconds", "processor", processor)).as(processor).isZero();
            assertThat(sum(caughtUp, "casebook_processor_running", "processor", processor)).as(processor).isEqualTo(1);
            assertThat(sum(caughtUp, "casebook_processor_failing", "processor", processor)).as(processor).isZero();
            assertThat(sum(caughtUp, "casebook_processor_errors_total", "processor", processor)).as(processor).isZero();
        }
        // Spring Boot's HTTP metrics are there too.
        assertThat(has(caughtUp, "http_server_requests_seconds_count", "uri", "/api/engagements")).isTrue();
    }

    @Test
    void asOfReconstructionAndVerificationAreTimed() {
        String engagement = DemoScenario.engagementId("F02");
        WebTestClient auditor = app.as("auditor");
        auditor.get().uri("/api/cases/{id}/state?asOfOccurred=2024-12-01", engagement).exchange().expectStatus().isOk();
        auditor.get().uri("/api/cases/{id}/steps", engagement).exchange().expectStatus().isOk();
        auditor.get().uri("/api/cases/{id}/state?asOfOccurred=2024-12-01", "no-such-case").exchange().expectStatus().isNotFound();
        auditor.get().uri("/api/audit/verify?caseId={id}", engagement).exchange().expectStatus().isOk();
        auditor.get().uri("/api/audit/verify").exchange().expectStatus().isOk().expectBody().jsonPath("$.ok").isEqualTo(true);

        List<Sample> s = scrape();
        assertThat(sum(s, "casebook_asof_seconds_count", "query", "occurred", "outcome", "ok")).isGreaterThanOrEqualTo(1);
        assertThat(sum(s, "casebook_asof_seconds_count", "query", "steps", "outcome", "ok")).isGreaterThanOrEqualTo(1);
        assertThat(sum(s, "casebook_asof_seconds_count", "query", "occurred", "outcome", "not_found")).isGreaterThanOrEqualTo(1);
        assertThat(sum(s, "casebook_audit_verify_seconds_count", "scope", "case", "result", "ok")).isGreaterThanOrEqualTo(1);
        assertThat(sum(s, "casebook_audit_verify_seconds_count", "scope", "store", "result", "ok")).isGreaterThanOrEqualTo(1);
        assertThat(sum(s, "casebook_events_append_seconds_count")).isGreaterThan(0);
        // Latency buckets (application.yml) for the dashboard's quantiles.
        assertThat(has(s, "casebook_asof_seconds_bucket", "query", "occurred", "le", "0.01")).isTrue();
        assertThat(has(s, "casebook_events_append_seconds_bucket", "le", "0.0025")).isTrue();
        assertThat(has(s, "casebook_commands_seconds_bucket", "le", "0.05")).isTrue();
        // The whole-store verify of the GET is listed as an operation with its figures.
        Map<String, Object> listed = operations().stream().filter(op -> "verify".equals(op.get("kind"))
                && "SUCCEEDED".equals(op.get("state"))).findFirst().orElseThrow();
        assertThat(((Map<?, ?>) listed.get("result")).get("ok")).isEqualTo(true);
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthShowsTheDatabaseAndEachProcessorWithoutCredentials() {
        awaitCaughtUp();
        Map<String, Object> health = app.anonymous().get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(health.get("status")).isEqualTo("UP");
        Map<String, Object> components = (Map<String, Object>) health.get("components");
        assertThat(((Map<String, Object>) components.get("mongo")).get("status")).isEqualTo("UP");
        Map<String, Object> processors = (Map<String, Object>) ((Map<String, Object>) components.get("processors")).get("components");
        assertThat(processors.keySet()).containsExactlyInAnyOrderElementsOf(PROCESSORS);
        for (String name : PROCESSORS) {
            Map<String, Object> p = (Map<String, Object>) processors.get(name);
            assertThat(p.get("status")).as(name).isEqualTo("UP");
            Map<String, Object> details = (Map<String, Object>) p.get("details");
            assertThat(details).as(name).containsEntry("state", "running").containsKeys("position", "head", "lagEvents",
                    "lagSeconds", "replaying", "segmentsClaimedHere");
            assertThat(((Number) details.get("position")).longValue()).as(name).isEqualTo(((Number) details.get("head")).longValue());
        }
        app.anonymous().get().uri("/actuator/health/processors/casebook.progress").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.details.lagEvents").isEqualTo(0);
        app.anonymous().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        app.anonymous().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        // The metrics are the administrator's.
        app.anonymous().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        app.as("auditor").get().uri("/actuator/prometheus").exchange().expectStatus().isForbidden();
    }

    @Test
    void aRebuildStartedAtTheAdminEndpointGivesBackTheSameReadModels() {
        awaitCaughtUp();
        Map<String, Supplier<Object>> views = readModelViews();
        Map<String, Object> before = seen(views);
        assertThat(((List<?>) ((Map<?, ?>) before.get("matrix kyushu 2024")).get("rows"))).isNotEmpty();
        long head = (long) sum(scrape(), "casebook_events_head");
        // Strays that no event produced: a reset must empty the collections, the replay then refills them.
        insertStrays();

        WebTestClient admin = app.as("admin");
        List<Sample> beforeRebuilds = scrape();
        for (String group : PROCESSORS) {
            Map<String, Object> started = post(admin, "/api/admin/operations/rebuild/" + group, Map.of(), HttpStatus.ACCEPTED);
            assertThat(started).containsEntry("kind", "rebuild").containsEntry("target", group).containsEntry("startedBy", "admin");
            Map<String, Object> done = awaitOperation((String) started.get("id"));
            assertThat(done.get("state")).as(group + ": " + done).isEqualTo("SUCCEEDED");
            assertThat(((Number) done.get("processed")).longValue()).as(group).isEqualTo(head);
            assertThat(((Number) done.get("total")).longValue()).as(group).isEqualTo(head);
            assertThat(done).containsKeys("rate", "startedAt", "finishedAt");
        }
        for (String group : PROCESSORS) {
            app.as("admin").get().uri("/actuator/health/processors/" + group).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
        }
        List<Sample> afterRebuilds = awaitCaughtUp();
        assertSeenAgain(views, before, " after the rebuilds");
        // Each replay handed every event of the log to exactly one segment's batch, in batches of at most 100.
        for (String group : PROCESSORS) {
            double events = delta(beforeRebuilds, afterRebuilds, "casebook_processor_batch_events_sum", "processor", group);
            double batches = delta(beforeRebuilds, afterRebuilds, "casebook_processor_batch_events_count", "processor", group);
            assertThat(events).as(group).isGreaterThanOrEqualTo(head);
            assertThat(batches).as(group).isPositive().isGreaterThanOrEqualTo(events / 100);
        }
        assertNothingKeptAndNoStrays(afterRebuilds);

        // Unknown processing group, a user who is not the administrator, a verification in the background.
        admin.post().uri("/api/admin/operations/rebuild/casebook.nothing").exchange().expectStatus().isNotFound();
        app.as("officer-kyushu").post().uri("/api/admin/operations/rebuild/casebook.progress").exchange().expectStatus().isForbidden();
        app.as("auditor").get().uri("/api/admin/operations").exchange().expectStatus().isForbidden();
        Map<String, Object> verify = post(admin, "/api/admin/operations/verify", Map.of(), HttpStatus.ACCEPTED);
        Map<String, Object> verified = awaitOperation((String) verify.get("id"));
        assertThat(verified.get("state")).isEqualTo("SUCCEEDED");
        assertThat(((Map<?, ?>) verified.get("result")).get("ok")).isEqualTo(true);
        assertThat(((Number) verified.get("processed")).longValue()).isEqualTo(app.storedEvents());
    }

    /**
     * ADR 0021: every read model rebuilt through one replay of the log. The projection processors handle none of it
     * (the replay processor does, once), events recorded meanwhile reach the read models, the processors then go on
     * from the replay's position, and nothing of the replay processor is left behind (its tokens from an earlier
     * rebuild that did not finish included).
     */
    @Test
    void aRebuildOfEveryReadModelReplaysTheLogOnceForAllOfThem() {
        awaitCaughtUp();
        Map<String, Supplier<Object>> views = readModelViews();
        // The two that list what the officer records below.
        views.remove("engagements");
        views.remove("homework");
        Map<String, Object> before = seen(views);
        long head = (long) sum(scrape(), "casebook_events_head");
        insertStrays();
        // Left by a full rebuild that crashed on another instance long ago: its claim has expired.
        app.database().getCollection("tracking_tokens").insertOne(new Document("_id", "casebook.replay:0")
                .append("processor", "casebook.replay").append("segment", 0).append("owner", "crashed-node").append("claimedAt", 0L));

        WebTestClient admin = app.as("admin");
        List<Sample> beforeRebuild = scrape();
        int replaysBefore = app.bean(EmbeddedMongo.class).replaysBegun();
        Map<String, Object> started = post(admin, "/api/admin/operations/rebuild", Map.of(), HttpStatus.ACCEPTED);
        assertThat(started).containsEntry("kind", "rebuild").containsEntry("target", "all").containsEntry("startedBy", "admin");
        // While it runs (thousands of events to replay, checkpoints every 50): a second rebuild of any read model is
        // refused, and an officer keeps recording.
        admin.post().uri("/api/admin/operations/rebuild").exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
        admin.post().uri("/api/admin/operations/rebuild/casebook.grantwork").exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
        WebTestClient officer = app.as("officer-kyushu");
        String id = (String) post(officer, "/api/engagements", Map.of("programme", "KASOKUKA", "engagementType", "BUREAU_LED",
                "fiscalYear", 2028, "municipalityCode", EngagementEndToEndTest.KAHARU), HttpStatus.CREATED).get("id");
        post(officer, "/api/engagements/" + id + "/advisors", Map.of("name", "山田 太郎", "affiliation", "○○大学"), HttpStatus.OK);
        post(officer, "/api/engagements/" + id + "/advisors", Map.of("name", "佐藤 花子", "affiliation", "△△研究所"), HttpStatus.OK);

        Map<String, Object> done = awaitOperation((String) started.get("id"));
        assertThat(done.get("state")).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(((Number) done.get("total")).longValue()).isEqualTo(head);
        assertThat(((Number) done.get("processed")).longValue()).isEqualTo(head);
        assertThat(((Map<?, ?>) done.get("result")).get("processor")).isEqualTo("casebook.replay");
        // The embedded store was told of the replay (its page cache small meanwhile, ADR 0023) and of its end.
        assertThat(app.bean(EmbeddedMongo.class).replaysBegun()).isEqualTo(replaysBefore + 1);
        assertThat(app.bean(EmbeddedMongo.class).pageCacheMegabytes()).isEqualTo(64);
        long headAfter = app.storedEvents();
        List<Sample> after = awaitCaughtUp(headAfter);
        assertSeenAgain(views, before, " after the rebuild");
        Map<?, ?> recorded = (Map<?, ?>) get(app.as("auditor"), "/api/engagements/" + id);
        assertThat((List<?>) recorded.get("advisors")).as("the events recorded during the rebuild").hasSize(2);
        assertThat(((List<?>) get(app.as("auditor"), "/api/engagements?bureau=kyushu&fiscalYear=2028")).stream()
                .filter(e -> id.equals(((Map<?, ?>) e).get("id")))).hasSize(1);

        // The replay processor handled the whole log; each projection processor at most the three events recorded
        // meanwhile (those after the replay stopped), never the log again.
        assertThat(delta(beforeRebuild, after, "casebook_processor_batch_events_sum", "processor", "casebook.replay"))
                .isGreaterThanOrEqualTo(head);
        for (String group : PROCESSORS) {
            assertThat(delta(beforeRebuild, after, "casebook_processor_batch_events_sum", "processor", group)).as(group)
                    .isLessThanOrEqualTo(headAfter - head);
            app.as("admin").get().uri("/actuator/health/processors/" + group).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP")
                    .jsonPath("$.details.state").isEqualTo("running")
                    .jsonPath("$.details.replaying").isEqualTo(false);
        }
        assertNothingKeptAndNoStrays(after);
        assertThat(app.database().getCollection("tracking_tokens").countDocuments(new Document("processor", "casebook.replay")))
                .as("the replay processor's tokens, once copied").isZero();
        // The reset dropped the case collections; each made its guarded-replace index again.
        for (String cases : List.of("engagements", "grant_cases", "inquiries", "consultations")) {
            assertThat(app.database().getCollection(cases).listIndexes().into(new ArrayList<>()))
                    .as(cases).anyMatch(index -> new Document("_id", 1).append("version", 1).equals(index.get("key")));
        }
        app.as("officer-kyushu").post().uri("/api/admin/operations/rebuild").exchange().expectStatus().isForbidden();
    }

    /**
     * The full rebuild fails between its token copies (as a crash there would leave it): the processors whose tokens
     * were copied go on from the replay's position, the others replay the log again by themselves, over read models
     * that hold every case already, and the read models end as they were.
     */
    @Test
    void aFullRebuildInterruptedBetweenItsTokenCopiesEndsWithTheSameReadModels() {
        awaitCaughtUp();
        Map<String, Supplier<Object>> views = readModelViews();
        Map<String, Object> before = seen(views);
        long head = (long) sum(scrape(), "casebook_events_head");
        AtomicBoolean armed = new AtomicBoolean(true);
        // The copy is the only token the rebuild's own thread stores for casebook.grantwork that is not a replay token.
        app.bean(MongoTokenStore.class).addListener((processor, segment, token) -> {
            if ("casebook.grantwork".equals(processor) && !(token instanceof ReplayToken)
                    && Thread.currentThread().getName().startsWith("operation") && armed.compareAndSet(true, false)) {
                throw new IllegalStateException("the process died here");
            }
        });
        Map<String, Object> started = post(app.as("admin"), "/api/admin/operations/rebuild", Map.of(), HttpStatus.ACCEPTED);
        Map<String, Object> done = awaitOperation((String) started.get("id"));
        assertThat(armed).as("the copy was interrupted").isFalse();
        assertThat(done.get("state")).isEqualTo("FAILED");
        assertThat((String) done.get("error")).contains("the process died here");

        awaitCaughtUp(head);
        assertSeenAgain(views, before, " after the interrupted rebuild");
        for (String group : PROCESSORS) {
            app.as("admin").get().uri("/actuator/health/processors/" + group).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.details.state").isEqualTo("running");
        }
    }

    /** Another instance holds a segment: the full rebuild is refused before it changes anything. */
    @Test
    void aFullRebuildIsRefusedWhileAnotherInstanceHoldsASegment() {
        awaitCaughtUp();
        Map<String, Supplier<Object>> views = readModelViews();
        Map<String, Object> before = seen(views);
        var tokens = app.database().getCollection("tracking_tokens");
        Document held = new Document("_id", "casebook.inquiries:2");
        Document was = tokens.find(held).first();
        // Claimed by another instance a moment ago (the claim lasts casebook.token-claim-timeout, 10 s).
        tokens.updateOne(held, new Document("$set", new Document("owner", "other-node").append("claimedAt", System.currentTimeMillis())));
        try {
            Map<String, Object> started = post(app.as("admin"), "/api/admin/operations/rebuild", Map.of(), HttpStatus.ACCEPTED);
            Map<String, Object> done = awaitOperation((String) started.get("id"));
            assertThat(done.get("state")).isEqualTo("FAILED");
            assertThat((String) done.get("error")).contains("owned by other-node", "stop the other instances");
            for (String group : PROCESSORS) {
                Map<?, ?> health = (Map<?, ?>) get(app.as("admin"), "/actuator/health/processors/" + group);
                assertThat(((Map<?, ?>) health.get("details")).get("replaying")).as(group + " was not reset").isEqualTo(false);
            }
            assertThat(tokens.find(held).first().get("token")).as("its token untouched").isEqualTo(was.get("token"));
        } finally {
            tokens.updateOne(held, new Document("$set", new Document("owner", null).append("claimedAt", 0L)));
        }
        awaitCaughtUp();
        assertSeenAgain(views, before, " after the refusal");
    }

    /** What the people see, from every read model: each must be the same after a rebuild. */
    private static Map<String, Supplier<Object>> readModelViews() {
        Map<String, Supplier<Object>> views = new LinkedHashMap<>();
        WebTestClient auditor = app.as("auditor");
        views.put("matrix kyushu 2024", () -> get(auditor, "/api/progress/matrix?bureau=kyushu&fiscalYear=2024"));
        views.put("matrix kantoshinetsu 2025", () -> get(auditor, "/api/progress/matrix?bureau=kantoshinetsu&fiscalYear=2025"));
        views.put("engagements", () -> get(auditor, "/api/engagements?bureau=kyushu"));
        views.put("engagement F02", () -> get(auditor, "/api/engagements/" + DemoScenario.engagementId("F02")));
        views.put("homework", () -> get(auditor, "/api/homework?bureau=kyushu"));
        views.put("grant cases", () -> get(auditor, "/api/grant-cases?bureau=kyushu"));
        views.put("grant case G05", () -> get(auditor, "/api/grant-cases/" + DemoScenario.grantCaseId("G05")));
        views.put("inquiries", () -> get(auditor, "/api/inquiries?bureau=kyushu"));
        views.put("consultations", () -> get(auditor, "/api/consultations?bureau=kyushu"));
        views.put("timeline F02", () -> get(auditor, "/api/cases/" + DemoScenario.engagementId("F02") + "/timeline"));
        views.put("timeline G05", () -> get(auditor, "/api/cases/" + DemoScenario.grantCaseId("G05") + "/timeline"));
        return views;
    }

    /** What each view answers now. */
    private static Map<String, Object> seen(Map<String, Supplier<Object>> views) {
        Map<String, Object> seen = new LinkedHashMap<>();
        views.forEach((name, view) -> seen.put(name, view.get()));
        return seen;
    }

    private static void assertSeenAgain(Map<String, Supplier<Object>> views, Map<String, Object> before, String after) {
        views.forEach((name, view) -> assertThat(view.get()).as(name + after).isEqualTo(before.get(name)));
    }

    private static void insertStrays() {
        app.database().getCollection("engagements").insertOne(new Document("_id", "stray").append("version", 0L));
        app.database().getCollection("audit_cases").insertOne(new Document("_id", "stray").append("lastSeq", 0L));
    }

    private static void assertNothingKeptAndNoStrays(List<Sample> scraped) {
        assertThat(has(scraped, "casebook_replay_kept_cases")).isTrue();
        assertThat(sum(scraped, "casebook_replay_kept_cases")).as("every case kept during the replays written").isZero();
        assertThat(app.database().getCollection("engagements").find(new Document("_id", "stray")).first()).isNull();
        assertThat(app.database().getCollection("audit_cases").find(new Document("_id", "stray")).first()).isNull();
    }

    @Test
    void theDashboardAsksOnlyForMetricsThatAreScraped() throws Exception {
        app.as("auditor").get().uri("/api/cases/{id}/state?asOfOccurred=2024-12-01", DemoScenario.engagementId("F02")).exchange()
                .expectStatus().isOk();
        app.as("auditor").get().uri("/api/audit/verify").exchange().expectStatus().isOk();
        String dashboard = Files.readString(Path.of("..", "docs", "grafana", "casebook-dashboard.json"));
        Matcher m = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{").matcher(dashboard);
        List<String> missing = new ArrayList<>();
        // Micrometer names a GC pause timer at the first pause: a young JVM may not have had one. Ask for one and
        // wait until it has been recorded, so the GC panels' metric is checked like the others.
        System.gc();
        List<Sample> scraped = await("a GC pause to be recorded", () -> {
            List<Sample> s = scrape();
            return has(s, "jvm_gc_pause_seconds_sum") ? s : null;
        });
        int asked = 0;
        while (m.find()) {
            asked++;
            if (!has(scraped, m.group(1))) {
                missing.add(m.group(1));
            }
        }
        assertThat(asked).as("metrics named in the dashboard").isGreaterThan(20);
        assertThat(missing).as("metrics the dashboard asks for but /actuator/prometheus does not have").isEmpty();
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static Object get(WebTestClient client, String uri) {
        return client.get().uri(uri).exchange().expectStatus().isOk().expectBody(Object.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> operations() {
        return (List<Map<String, Object>>) (List<?>) app.as("admin").get().uri("/api/admin/operations").exchange()
                .expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody();
    }

    private static Map<String, Object> awaitOperation(String id) {
        return await("operation " + id + " to finish", () -> operations().stream().filter(op -> id.equals(op.get("id")))
                .filter(op -> !"RUNNING".equals(op.get("state"))).findFirst().orElse(null));
    }

    /** Polls the metrics until every processor's lag is 0; returns that scrape. */
    private static List<Sample> awaitCaughtUp() {
        return awaitCaughtUp(0);
    }

    private static List<Sample> awaitCaughtUp(long minimumHead) {
        return await("every processor's lag to reach 0", () -> {
            List<Sample> s = scrape();
            boolean all = sum(s, "casebook_events_head") >= minimumHead && PROCESSORS.stream().allMatch(p -> has(s, "casebook_processor_lag_events", "processor", p)
                    && sum(s, "casebook_processor_lag_events", "processor", p) == 0);
            return all ? s : null;
        });
    }

    private static <T> T await(String what, Supplier<T> poll) {
        return RunningCasebook.await(what, DEADLINE, poll);
    }

    private static List<Sample> scrape() {
        return Prometheus.scrape(app);
    }
}
