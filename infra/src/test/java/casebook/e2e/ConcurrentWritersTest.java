package casebook.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * 32 clients write to one case at once, 1,000 commands in all, each sent with If-Match of the version it last
 * saw: no event is lost, no sequence number is taken twice, every conflict is a 409 naming the current
 * version, and the case as stored equals the replay of its events.
 */
class ConcurrentWritersTest {

    static final int CLIENTS = 32;
    static final int COMMANDS = 1_000;

    @TempDir
    Path data;

    @Test
    @SuppressWarnings("unchecked")
    void thirtyTwoClientsOnOneCaseLoseNothingAndConflictCleanly() throws Exception {
        try (RunningCasebook app = RunningCasebook.start(data)) {
            WebTestClient officer = app.as("officer-kyushu");
            String id = (String) EngagementEndToEndTest.post(officer, "/api/engagements", Map.of("programme", "KASOKUKA",
                    "fiscalYear", 2026, "municipalityCode", "402036"), org.springframework.http.HttpStatus.CREATED).get("id");
            EngagementEndToEndTest.post(officer, "/api/engagements/" + id + "/selection", Map.of("selectedOn", "2026-07-01"),
                    org.springframework.http.HttpStatus.OK);

            AtomicInteger sent = new AtomicInteger();
            AtomicInteger conflicts = new AtomicInteger();
            Set<String> acknowledgedTexts = ConcurrentHashMap.newKeySet();
            Set<Long> acknowledgedVersions = ConcurrentHashMap.newKeySet();
            List<String> problems = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    start.await();
                    long seen = 1; // registered and selected
                    while (true) {
                        int n = sent.getAndIncrement();
                        if (n >= COMMANDS) {
                            return null;
                        }
                        String text = "client " + client + " decision " + n;
                        EntityExchangeResult<Map> r = officer.post().uri("/api/engagements/{id}/decisions", id)
                                .header("If-Match", "\"" + seen + "\"").contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("decidedOn", "2026-08-01", "text", text)).exchange()
                                .expectBody(Map.class).returnResult();
                        int status = r.getStatus().value();
                        if (status == 200) {
                            acknowledgedTexts.add(text);
                            long version = ((Number) r.getResponseBody().get("version")).longValue();
                            if (!acknowledgedVersions.add(version)) {
                                synchronized (problems) {
                                    problems.add("version " + version + " acknowledged twice");
                                }
                            }
                            seen = version;
                        } else if (status == 409 && r.getResponseBody().get("currentVersion") instanceof Number current) {
                            conflicts.incrementAndGet();
                            seen = current.longValue(); // the conflict names the version to try again from
                        } else {
                            synchronized (problems) {
                                problems.add(status + " " + r.getResponseBody());
                            }
                        }
                    }
                }));
            }
            start.countDown();
            for (Future<?> f : clients) {
                f.get();
            }
            pool.shutdown();
            assertThat(problems).isEmpty();

            // Every acknowledged command has exactly one event; the case's numbers are dense and unique.
            List<Long> seqs = new ArrayList<>();
            Set<String> storedTexts = new HashSet<>();
            for (Document e : app.database().getCollection("events").find(new Document("a", id)).batchSize(2000)) {
                seqs.add(e.get("s", Number.class).longValue());
                Document payload = Document.parse(e.getString("p"));
                if (payload.containsKey("text")) {
                    storedTexts.add(payload.getString("text"));
                }
            }
            seqs.sort(null);
            assertThat(seqs).doesNotHaveDuplicates().hasSize(2 + acknowledgedTexts.size());
            assertThat(seqs.get(seqs.size() - 1)).isEqualTo(seqs.size() - 1L);
            assertThat(storedTexts).isEqualTo(acknowledgedTexts);

            // The stored case equals the replay of its events, and its chain verifies.
            Map<String, Object> view = officer.get().uri("/api/engagements/{id}", id).exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            Map<String, Object> replayed = (Map<String, Object>) app.as("auditor").get().uri("/api/cases/{id}/state", id)
                    .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("state");
            view.remove("lastRecordedAt");
            replayed.remove("lastRecordedAt");
            assertThat(replayed).isEqualTo(view);
            assertThat((List<?>) view.get("decisions")).hasSize(acknowledgedTexts.size());
            app.as("auditor").get().uri("/api/audit/verify?caseId={id}", id).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.ok").isEqualTo(true);
            System.out.printf("concurrency: %d clients, %d commands sent, %d acknowledged, %d conflicts (409 with the current "
                    + "version), %d events checked%n", CLIENTS, COMMANDS, acknowledgedTexts.size(), conflicts.get(), seqs.size());
            assertThat(acknowledgedTexts.size() + conflicts.get()).isEqualTo(COMMANDS);
        }
    }
}
