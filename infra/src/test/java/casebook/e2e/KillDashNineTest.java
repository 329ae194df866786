package casebook.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.reference.LocalGovernment;
import casebook.kernel.reference.ReferenceData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A separate Casebook process takes registrations from 8 clients and is killed with SIGKILL while
 * they are in flight. Restarted on the same data folder, every registration it acknowledged is there.
 */
class KillDashNineTest {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    @TempDir
    Path data;

    @Test
    void everyAcknowledgedCommandSurvivesKillDashNine() throws Exception {
        int port = JavaProcess.freePort();
        JavaProcess child = JavaProcess.start("casebook", "512m", "casebook.app.CasebookApplication",
                "--server.port=" + port, "--casebook.mongodb.data-dir=" + data, "--casebook.mongodb.uri=",
                "--casebook.demo-data=false");
        try {
            assertThat(child.awaitLine("Started CasebookApplication", Duration.ofSeconds(120))).as(child.tail()).isTrue();
            List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch enough = new CountDownLatch(60);
            AtomicInteger next = new AtomicInteger();
            List<LocalGovernment> municipalities = ReferenceData.get().all().stream()
                    .filter(LocalGovernment::isBasicLocalGovernment)
                    .filter(lg -> "kyushu".equals(ReferenceData.get().bureauOf(lg).code())).toList();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String auth = "Basic " + Base64.getEncoder().encodeToString("officer-kyushu:demo".getBytes(StandardCharsets.UTF_8));
            ExecutorService clients = Executors.newFixedThreadPool(8);
            for (int c = 0; c < 8; c++) {
                clients.submit(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        String code = municipalities.get(next.getAndIncrement() % municipalities.size()).code();
                        String body = "{\"programme\":\"KASOKUKA\",\"fiscalYear\":2024,\"municipalityCode\":\"" + code + "\"}";
                        try {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                            + "/api/engagements")).header("Authorization", auth)
                                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(20))
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 201) {
                                Matcher m = ID.matcher(r.body());
                                if (m.find()) {
                                    acknowledged.add(m.group(1));
                                    enough.countDown();
                                }
                            }
                        } catch (Exception e) {
                            return; // the server is gone
                        }
                    }
                });
            }
            assertThat(enough.await(120, TimeUnit.SECONDS)).as("60 registrations acknowledged").isTrue();
            child.kill(); // SIGKILL on Linux: no shutdown hook, no final commit
            clients.shutdownNow();
            clients.awaitTermination(30, TimeUnit.SECONDS);

            List<String> acked = List.copyOf(acknowledged);
            try (RunningCasebook app = RunningCasebook.start(data, "casebook.projection-wait=120s")) {
                var events = app.database().getCollection("events");
                List<String> lost = acked.stream()
                        .filter(id -> events.find(new Document("sk", id + ":0")).first() == null).toList();
                assertThat(lost).as("acknowledged but lost").isEmpty();
                // The projections converge to the event log: every stored registration has its view. The log ends at
                // its last stored event: a number handed out to a command the kill interrupted before its insert (the
                // counter was committed by another command's flush) is no event, and no token can pass it.
                long head = app.database().getCollection("counters").find(new Document("_id", "events")).first().getLong("last");
                long lastStored = head;
                while (lastStored > 0 && events.find(new Document("_id", lastStored)).first() == null) {
                    lastStored--;
                }
                assertThat(head - lastStored).as("numbers handed out to commands in flight at the kill").isLessThanOrEqualTo(8);
                assertThat(app.bean(casebook.axon.ProjectionBarrier.class).awaitProjections(lastStored))
                        .as("projections at the last stored event %d (counter %d)", lastStored, head).isTrue();
                long stored = events.countDocuments(new Document("t", "SupportEngagement"));
                long views = app.database().getCollection("engagements").countDocuments();
                assertThat(views).as("one view per stored engagement").isEqualTo(stored);
                acked.forEach(id -> app.as("officer-kyushu").get().uri("/api/engagements/{id}", id).exchange().expectStatus().isOk());
                // And the hash chains written up to the kill verify.
                app.as("auditor").get().uri("/api/audit/verify").exchange().expectStatus().isOk().expectBody()
                        .jsonPath("$.ok").isEqualTo(true);
                System.out.printf("kill -9: %d registrations acknowledged before the kill, %d lost, %d events stored, "
                        + "%d views after restart, chains verify; counter %d, last stored event %d%n", acked.size(),
                        lost.size(), stored, views, head, lastStored);
            }
        } finally {
            child.close();
        }
    }
}
