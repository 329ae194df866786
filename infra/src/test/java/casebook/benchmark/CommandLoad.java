package casebook.benchmark;

import casebook.kernel.reference.LocalGovernment;
import casebook.kernel.reference.ReferenceData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Step 2: {@code clients} threads, each driving its own 加速化 engagements over HTTP as officer-kyushu, one
 * request at a time, until {@code events} commands have succeeded (each stores exactly one event). An engagement
 * is registered, selected, has its seven milestones planned, gets homework, and holds every milestone in order
 * with a decision each (25 events); then the client registers the next one.
 */
final class CommandLoad {

    record Result(long ok, long errors, long engagements, double rate, double[] decileRates, double p50Ms, double p99Ms) {
    }

    private static final List<String> MILESTONES = List.of("M0_5", "VISIT_1", "M1_5", "VISIT_2", "M2_5", "VISIT_3",
            "REPORT_MEETING");
    private static final int MAX_ERRORS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Thrown to end a client: the event budget is spent, or there were too many errors. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    /** Thrown to give up one engagement after a failed command (already printed and counted). */
    private static final class Failed extends RuntimeException {
        Failed() {
            super(null, null, false, false);
        }
    }

    private final String baseUrl;
    private final int events;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String auth = "Basic " + Base64.getEncoder()
            .encodeToString("officer-kyushu:demo".getBytes(StandardCharsets.UTF_8));
    /** Every (fiscal year, municipality) once: the business key allows one KASOKUKA engagement per pair. */
    private final List<Map.Entry<Integer, String>> keys = new ArrayList<>();
    private final AtomicInteger nextKey = new AtomicInteger();
    private final AtomicLong tickets = new AtomicLong();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong registered = new AtomicLong();
    private final long[] latencies;
    private final long[] finishedAt;

    private CommandLoad(String baseUrl, int events) {
        this.baseUrl = baseUrl;
        this.events = events;
        this.latencies = new long[events];
        this.finishedAt = new long[events];
        // officer-kyushu may open cases of 九州厚生局 only: its 274 municipalities × 46 fiscal years are plenty.
        List<String> municipalities = ReferenceData.get().all().stream().filter(LocalGovernment::isBasicLocalGovernment)
                .filter(lg -> "kyushu".equals(ReferenceData.get().bureauOf(lg).code()))
                .map(LocalGovernment::code).toList();
        for (int fy = 2015; fy <= 2060; fy++) {
            for (String code : municipalities) {
                keys.add(Map.entry(fy, code));
            }
        }
    }

    static Result run(String baseUrl, int events, int clients) throws InterruptedException {
        return new CommandLoad(baseUrl, events).run(clients);
    }

    private Result run(int clients) throws InterruptedException {
        System.out.printf("append: %d events over HTTP with %d clients%n", events, clients);
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(new Thread(this::client, "http-client-" + c));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        long end = System.nanoTime();
        int n = (int) ok.get();
        double[] deciles = new double[10];
        long from = 0;
        long fromTime = start;
        for (int d = 1; d <= 10 && n > 0; d++) {
            long to = Math.max(1, (long) n * d / 10);
            deciles[d - 1] = AppendReplayBenchmark.perSecond(to - from, finishedAt[(int) to - 1] - fromTime);
            fromTime = finishedAt[(int) to - 1];
            from = to;
        }
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        return new Result(n, errors.get(), registered.get(), AppendReplayBenchmark.perSecond(n, end - start), deciles,
                percentileMs(sorted, 0.50), percentileMs(sorted, 0.99));
    }

    private static double percentileMs(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private void client() {
        try {
            while (true) {
                int k = nextKey.getAndIncrement();
                if (k >= keys.size()) {
                    throw new IllegalStateException("ran out of (fiscal year, municipality) pairs");
                }
                try {
                    engagement(keys.get(k).getKey(), keys.get(k).getValue());
                } catch (Failed e) {
                    // printed and counted; go on with a new engagement
                }
            }
        } catch (Stop e) {
            // budget spent
        }
    }

    private void engagement(int fy, String municipality) {
        String id = send("POST", "/api/engagements", Map.of("programme", "KASOKUKA", "engagementType", "BUREAU_LED",
                "fiscalYear", fy, "municipalityCode", municipality,
                "themes", List.of(Map.of("code", "SERVICE_ACTIVITY", "detail", "サービス・活動A, B")),
                "applicationBackground", "住民主体の活動を広げたい")).get("id").asText();
        registered.incrementAndGet();
        String path = "/api/engagements/" + id;
        send("POST", path + "/selection", Map.of("selectedOn", LocalDate.of(fy, 7, 1).toString(), "selectedBy", "BUREAU"));
        List<LocalDate> dates = List.of(LocalDate.of(fy, 8, 5), LocalDate.of(fy, 10, 2), LocalDate.of(fy, 11, 11),
                LocalDate.of(fy, 12, 17), LocalDate.of(fy + 1, 1, 14), LocalDate.of(fy + 1, 1, 30), LocalDate.of(fy + 1, 3, 7));
        for (int i = 0; i < MILESTONES.size(); i++) {
            send("PUT", path + "/milestones/" + MILESTONES.get(i) + "/plan",
                    Map.of("plannedOn", dates.get(i).toString(), "mode", i % 2 == 0 ? "ONLINE" : "ONSITE"));
        }
        String item = send("POST", path + "/homework", Map.of("description", "地域運営組織の情報を整理する",
                "owner", municipality, "dueBefore", "VISIT_2")).get("itemId").asText();
        for (int i = 0; i < MILESTONES.size(); i++) {
            String milestone = MILESTONES.get(i);
            String on = dates.get(i).toString();
            send("POST", path + "/milestones/" + milestone + "/held", Map.of("heldOn", on, "startTime", "13:30",
                    "endTime", "15:00", "mode", i % 2 == 0 ? "ONLINE" : "ONSITE",
                    "participants", List.of(Map.of("organisation", municipality, "department", "福祉課", "headcount", 4),
                            Map.of("organisation", "九州厚生局", "headcount", 2)),
                    "agenda", List.of("現状と課題の整理"), "summary", "作戦会議"));
            send("POST", path + "/decisions", Map.of("decidedOn", on, "text", "次回までに地域運営組織の情報を共有する",
                    "milestone", milestone));
            if (milestone.equals("M1_5")) {
                send("POST", path + "/homework/" + item + "/completion", Map.of("completedOn", on, "note", "整理済み"));
            }
        }
    }

    /** One command; its 2xx answer is one more stored event. */
    private JsonNode send(String method, String path, Map<String, ?> body) {
        if (errors.get() >= MAX_ERRORS || tickets.getAndUpdate(t -> t < events ? t + 1 : t) >= events) {
            throw new Stop();
        }
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw fail(method, path, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stop();
        }
        long took = System.nanoTime() - start;
        if (response.statusCode() / 100 != 2) {
            throw fail(method, path, response.statusCode() + " " + response.body());
        }
        int n = (int) ok.incrementAndGet();
        latencies[n - 1] = took;
        finishedAt[n - 1] = System.nanoTime();
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("unreadable answer to " + method + " " + path + ": " + response.body(), e);
        }
    }

    private Failed fail(String method, String path, String what) {
        tickets.decrementAndGet(); // no event was stored: another command may take its place
        long n = errors.incrementAndGet();
        System.out.printf("ERROR %d: %s %s -> %s%n", n, method, path, what);
        return new Failed();
    }
}
