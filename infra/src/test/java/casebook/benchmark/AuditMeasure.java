package casebook.benchmark;

import casebook.eventstore.ChainReport;
import casebook.eventstore.MongoEventStorageEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The auditors' operations on the benchmark's store: verifying every hash chain (events/s), and the as-of
 * reconstruction of one 300-event case (p50/p99 over repeated requests, as an auditor's slider would send).
 */
final class AuditMeasure {

    record Result(long verifiedEvents, double verifyPerSecond, boolean verifyOk, int caseEvents, double asOfP50Ms,
                  double asOfP99Ms) {
    }

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final int CASE_EVENTS = 300;
    private static final int SAMPLES = 200;

    private AuditMeasure() {
    }

    static Result run(Path dataDir) throws Exception {
        try (ConfigurableApplicationContext app = AppendReplayBenchmark.boot(dataDir, null)) {
            MongoEventStorageEngine engine = app.getBean(MongoEventStorageEngine.class);
            long start = System.nanoTime();
            ChainReport report = engine.verify(null);
            long verifyNanos = System.nanoTime() - start;

            String base = AppendReplayBenchmark.baseUrl(app);
            HttpClient http = HttpClient.newHttpClient();
            String auth = "Basic " + Base64.getEncoder().encodeToString("officer-kyushu:demo".getBytes(StandardCharsets.UTF_8));
            String id = caseWith300Events(http, base, auth);
            Instant middle = Instant.now();
            for (int i = 0; i < CASE_EVENTS / 2; i++) {
                post(http, auth, base + "/api/engagements/" + id + "/decisions",
                        "{\"decidedOn\":\"2060-08-01\",\"text\":\"benchmark decision after the as-of instant " + i + "\"}");
            }
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < SAMPLES + 20; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/cases/" + id
                        + "/state?asOfRecorded=" + middle)).header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("as-of answered " + r.statusCode() + ": " + r.body());
                }
                if (i >= 20) { // the first requests warm the JIT
                    millis.add((System.nanoTime() - t0) / 1e6);
                }
            }
            Collections.sort(millis);
            return new Result(report.eventsChecked(), AppendReplayBenchmark.perSecond(report.eventsChecked(), verifyNanos),
                    report.ok(), CASE_EVENTS, millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.99) - 1));
        }
    }

    /** An engagement of a fiscal year the load never uses, with half of its 300 events before the as-of instant. */
    private static String caseWith300Events(HttpClient http, String base, String auth) throws Exception {
        String created = post(http, auth, base + "/api/engagements",
                "{\"programme\":\"KASOKUKA\",\"fiscalYear\":2060,\"municipalityCode\":\"402036\"}");
        Matcher m = ID.matcher(created);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + created);
        }
        String id = m.group(1);
        post(http, auth, base + "/api/engagements/" + id + "/selection", "{\"selectedOn\":\"2060-07-01\"}");
        for (int i = 2; i < CASE_EVENTS / 2; i++) {
            post(http, auth, base + "/api/engagements/" + id + "/decisions",
                    "{\"decidedOn\":\"2060-07-15\",\"text\":\"benchmark decision " + i + "\"}");
        }
        return id;
    }

    private static String post(HttpClient http, String auth, String url, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static void print(Result r) {
        System.out.printf("%-32s %14.0f   %s%n", "verify whole store (events/s)", r.verifyPerSecond(),
                r.verifiedEvents() + " events, " + (r.verifyOk() ? "ok" : "FAILURES"));
        System.out.printf("%-32s %7.1f / %.1f%n", "as-of " + r.caseEvents() + "-event case p50/p99 ms", r.asOfP50Ms(), r.asOfP99Ms());
    }
}
