package casebook.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Hostile input, reproducibly (a seeded {@link Random}): well over a thousand malformed or hostile requests
 * against every command endpoint, the list queries and the sign-in. None may answer 5xx or write an event;
 * every error is problem+json, naming the field where one is to blame. Requests against the real cases carry a
 * stale {@code If-Match}, creations repeat an existing business key or reach into another bureau, and the
 * other ids are unknown: whatever slips past the input checks is still refused, so "zero events" holds.
 */
class FuzzTest {

    private static final long SEED = 20_261_123L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(20);

    @TempDir
    static Path data;
    static RunningCasebook app;
    static WebTestClient officer;
    static String engagement;
    static String grantCase;
    static String procedure;
    static long eventsAfterSetup;
    static String engagementEtag;
    static String grantEtag;

    @BeforeAll
    static void start() {
        app = RunningCasebook.start(data);
        officer = client().defaultHeaders(h -> h.setBasicAuth("officer-kyushu", "demo")).build();
        engagement = (String) EngagementEndToEndTest.post(officer, "/api/engagements", registration(), HttpStatus.CREATED).get("id");
        EngagementEndToEndTest.post(officer, "/api/engagements/" + engagement + "/selection", Map.of("selectedOn", "2024-07-01"),
                HttpStatus.OK);
        grantCase = (String) EngagementEndToEndTest.post(officer, "/api/grant-cases", grantOpening(), HttpStatus.CREATED).get("id");
        procedure = (String) EngagementEndToEndTest.post(officer, "/api/grant-cases/" + grantCase + "/procedures",
                Map.of("kind", "INITIAL"), HttpStatus.CREATED).get("procedureId");
        eventsAfterSetup = app.storedEvents();
        engagementEtag = etag("/api/engagements/" + engagement);
        grantEtag = etag("/api/grant-cases/" + grantCase);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static Map<String, Object> registration() {
        return new LinkedHashMap<>(Map.of("programme", "KASOKUKA", "engagementType", "BUREAU_LED", "fiscalYear", 2024,
                "municipalityCode", "402036"));
    }

    private static Map<String, Object> grantOpening() {
        return new LinkedHashMap<>(Map.of("grantType", "CHIIKI_SHIEN_JIGYO",
                "recipient", Map.of("kind", "MUNICIPALITY", "code", "402036"), "targetFiscalYear", 2024));
    }

    /**
     * A client that opens a connection per request: a hostile request refused before its body is read must not
     * leave a pooled keep-alive connection behind for the next request (reactor-netty's pool is shared by every
     * client in the JVM).
     */
    private static WebTestClient.Builder client() {
        String port = app.bean(org.springframework.core.env.Environment.class).getProperty("local.server.port");
        return WebTestClient.bindToServer(new org.springframework.http.client.reactive.ReactorClientHttpConnector(
                        reactor.netty.http.client.HttpClient.create(reactor.netty.resources.ConnectionProvider.newConnection())))
                .baseUrl("http://localhost:" + port).responseTimeout(TIMEOUT)
                .codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024));
    }

    private static String etag(String uri) {
        return officer.get().uri(uri).exchange().expectStatus().isOk().returnResult(byte[].class)
                .getResponseHeaders().getETag();
    }

    // ---------------------------------------------------------------------------------------------------
    // The endpoints, each with a body that is well-formed but refused for a reason of the case.

    enum Kind { TEXT, DATE, TIME, INT, ENUM, OBJECT, MAP, TEXTS, OBJECTS, DECIMAL }

    record Field(String name, Kind kind, Object valid) {
    }

    record Endpoint(HttpMethod method, String template, Map<String, String> vars, boolean stale, List<Field> fields) {

        Map<String, Object> base() {
            Map<String, Object> body = new LinkedHashMap<>();
            fields.forEach(f -> body.put(f.name(), f.valid()));
            return body;
        }

        boolean hasId() {
            return vars.containsKey("id");
        }
    }

    private static Field f(String name, Kind kind, Object valid) {
        return new Field(name, kind, valid);
    }

    private static List<Endpoint> endpoints() {
        String e = "/api/engagements/{id}";
        Map<String, String> real = Map.of("id", engagement);
        Map<String, String> kind = Map.of("id", engagement, "kind", "M0_5");
        Map<String, String> item = Map.of("id", engagement, "item", UUID.randomUUID().toString());
        Map<String, String> advisor = Map.of("id", engagement, "advisor", UUID.randomUUID().toString());
        Map<String, String> g = Map.of("id", grantCase);
        Map<String, String> step = Map.of("id", grantCase, "procedure", procedure, "step", "PRECONSULTATION_REQUESTED");
        Map<String, String> unknown = Map.of("id", UUID.randomUUID().toString());
        Map<String, String> none = Map.of();
        Map<String, Object> period = Map.of("year", 2024, "month", 9, "part", "EARLY");
        List<Endpoint> list = new ArrayList<>();
        // Engagements: a creation that repeats the business key of the setup (409); the rest with a stale If-Match.
        list.add(new Endpoint(HttpMethod.POST, "/api/engagements", none, false, List.of(f("programme", Kind.ENUM, "KASOKUKA"),
                f("engagementType", Kind.ENUM, "BUREAU_LED"), f("fiscalYear", Kind.INT, 2024), f("municipalityCode", Kind.TEXT, "402036"),
                f("themes", Kind.OBJECTS, List.of(Map.of("code", "SERVICE_ACTIVITY", "detail", "x"))),
                f("applicationBackground", Kind.TEXT, "背景"))));
        list.add(new Endpoint(HttpMethod.POST, e + "/entry", real, true, List.of(f("receivedOn", Kind.DATE, "2024-06-01"),
                f("note", Kind.TEXT, "n"))));
        list.add(new Endpoint(HttpMethod.POST, e + "/selection", real, true, List.of(f("selectedOn", Kind.DATE, "2024-07-01"),
                f("selectedBy", Kind.ENUM, "BUREAU"))));
        list.add(new Endpoint(HttpMethod.POST, e + "/non-selection", real, true, List.of(f("decidedOn", Kind.DATE, "2024-07-01"),
                f("reason", Kind.TEXT, "r"))));
        list.add(new Endpoint(HttpMethod.POST, e + "/withdrawal", real, true, List.of(f("withdrawnOn", Kind.DATE, "2024-07-01"),
                f("reason", Kind.TEXT, "r"))));
        list.add(new Endpoint(HttpMethod.POST, e + "/advisors", real, true, List.of(f("name", Kind.TEXT, "山田"),
                f("affiliation", Kind.TEXT, "a"), f("title", Kind.TEXT, "t"), f("assignedOn", Kind.DATE, "2024-07-02"))));
        list.add(new Endpoint(HttpMethod.POST, e + "/advisors/{advisor}/removal", advisor, true, List.of(f("reason", Kind.TEXT, "r"),
                f("occurredOn", Kind.DATE, "2024-07-03"))));
        list.add(new Endpoint(HttpMethod.PUT, e + "/themes", real, true, List.of(
                f("themes", Kind.OBJECTS, List.of(Map.of("code", "SERVICE_ACTIVITY"))), f("reason", Kind.TEXT, "r"),
                f("occurredOn", Kind.DATE, "2024-07-03"))));
        list.add(new Endpoint(HttpMethod.PUT, e + "/milestones/{kind}/plan", kind, true, List.of(f("plannedOn", Kind.DATE, "2024-08-01"),
                f("plannedPeriod", Kind.OBJECT, period), f("startTime", Kind.TIME, "10:00"), f("endTime", Kind.TIME, "12:00"),
                f("mode", Kind.ENUM, "ONLINE"), f("place", Kind.TEXT, "p"), f("reason", Kind.TEXT, "r"),
                f("occurredOn", Kind.DATE, "2024-07-03"))));
        list.add(new Endpoint(HttpMethod.POST, e + "/milestones/{kind}/held", kind, true, List.of(f("heldOn", Kind.DATE, "2024-08-01"),
                f("startTime", Kind.TIME, "10:00"), f("endTime", Kind.TIME, "12:00"), f("mode", Kind.ENUM, "ONLINE"),
                f("place", Kind.TEXT, "p"), f("participants", Kind.OBJECTS, List.of(Map.of("organisation", "o", "headcount", 2))),
                f("agenda", Kind.TEXTS, List.of("a")), f("summary", Kind.TEXT, "s"))));
        list.add(new Endpoint(HttpMethod.POST, e + "/milestones/{kind}/cancellation", kind, true, List.of(f("reason", Kind.TEXT, "r"),
                f("occurredOn", Kind.DATE, "2024-07-03"))));
        list.add(new Endpoint(HttpMethod.POST, e + "/milestones/{kind}/skip", kind, true, List.of(f("reason", Kind.TEXT, "r"),
                f("occurredOn", Kind.DATE, "2024-07-03"))));
        list.add(new Endpoint(HttpMethod.POST, e + "/findings", real, true, List.of(f("text", Kind.TEXT, "t"),
                f("milestone", Kind.TEXT, "M0_5"), f("occurredOn", Kind.DATE, "2024-07-03"))));
        list.add(new Endpoint(HttpMethod.POST, e + "/decisions", real, true, List.of(f("decidedOn", Kind.DATE, "2024-07-02"),
                f("text", Kind.TEXT, "方針"), f("milestone", Kind.TEXT, "M0_5"))));
        list.add(new Endpoint(HttpMethod.POST, e + "/homework", real, true, List.of(f("description", Kind.TEXT, "d"),
                f("owner", Kind.TEXT, "o"), f("dueBefore", Kind.TEXT, "VISIT_1"), f("dueOn", Kind.DATE, "2024-09-01"),
                f("occurredOn", Kind.DATE, "2024-07-03"))));
        list.add(new Endpoint(HttpMethod.POST, e + "/homework/{item}/completion", item, true, List.of(
                f("completedOn", Kind.DATE, "2024-07-03"), f("note", Kind.TEXT, "n"))));
        list.add(new Endpoint(HttpMethod.POST, e + "/homework/{item}/drop", item, true, List.of(f("reason", Kind.TEXT, "r"),
                f("occurredOn", Kind.DATE, "2024-07-03"))));
        list.add(new Endpoint(HttpMethod.POST, e + "/outputs", real, true, List.of(f("kind", Kind.ENUM, "ISSUE_SHEET"),
                f("title", Kind.TEXT, "t"), f("uri", Kind.TEXT, "https://example.org/x"), f("milestone", Kind.TEXT, "M0_5"),
                f("producedOn", Kind.DATE, "2024-07-03"))));
        list.add(new Endpoint(HttpMethod.POST, e + "/closure", real, true, List.of(f("closedOn", Kind.DATE, "2025-03-01"),
                f("outcomeSummary", Kind.TEXT, "o"), f("reason", Kind.TEXT, "r"))));
        list.add(new Endpoint(HttpMethod.POST, e + "/corrections", real, true, List.of(f("correctsEvent", Kind.INT, 1),
                f("reason", Kind.TEXT, "r"), f("fields", Kind.MAP, Map.of("selectedOn", "2024-07-02")),
                f("occurredOn", Kind.DATE, "2024-07-03"))));
        // Grant cases: a creation that repeats the setup's business key (409); the rest with a stale If-Match.
        list.add(new Endpoint(HttpMethod.POST, "/api/grant-cases", none, false, List.of(f("grantType", Kind.ENUM, "CHIIKI_SHIEN_JIGYO"),
                f("recipient", Kind.OBJECT, Map.of("kind", "MUNICIPALITY", "code", "402036")), f("targetFiscalYear", Kind.INT, 2024))));
        list.add(new Endpoint(HttpMethod.POST, "/api/grant-cases/{id}/procedures", g, true, List.of(f("kind", Kind.ENUM, "CHANGE"),
                f("plannedSchedule", Kind.OBJECTS, List.of(Map.of("step", "APPLICATION_SUBMITTED", "on", "2024-09-01"))))));
        list.add(new Endpoint(HttpMethod.POST, "/api/grant-cases/{id}/procedures/{procedure}/steps/{step}", step, true, List.of(
                f("on", Kind.DATE, "2024-05-01"), f("amount", Kind.INT, 1000), f("noticeNo", Kind.TEXT, "第1号"),
                f("documents", Kind.TEXTS, List.of("doc")), f("note", Kind.TEXT, "n"))));
        list.add(new Endpoint(HttpMethod.POST, "/api/grant-cases/{id}/corrections", g, true, List.of(f("correctsEvent", Kind.INT, 1),
                f("reason", Kind.TEXT, "r"), f("fields", Kind.OBJECT, Map.of("amount", 10)), f("occurredOn", Kind.DATE, "2024-07-03"))));
        // Inquiries: received from another bureau's municipality (403); the rest on an unknown inquiry (404).
        list.add(new Endpoint(HttpMethod.POST, "/api/inquiries", none, false, List.of(f("fromKind", Kind.ENUM, "MUNICIPALITY"),
                f("fromCode", Kind.TEXT, "131016"), f("channel", Kind.ENUM, "EMAIL"), f("receivedOn", Kind.DATE, "2024-07-01"),
                f("subject", Kind.TEXT, "件名"), f("question", Kind.TEXT, "質問"), f("grantType", Kind.ENUM, "CHIIKI_SHIEN_JIGYO"),
                f("grantCaseId", Kind.TEXT, "x"))));
        list.add(new Endpoint(HttpMethod.POST, "/api/inquiries/{id}/assignment", unknown, false, List.of(f("officer", Kind.TEXT, "o"),
                f("assignedOn", Kind.DATE, "2024-07-01"))));
        list.add(new Endpoint(HttpMethod.POST, "/api/inquiries/{id}/escalation", unknown, false, List.of(
                f("escalatedOn", Kind.DATE, "2024-07-01"), f("question", Kind.TEXT, "q"))));
        list.add(new Endpoint(HttpMethod.POST, "/api/inquiries/{id}/ministry-answer", unknown, false, List.of(
                f("on", Kind.DATE, "2024-07-01"), f("answer", Kind.TEXT, "a"))));
        list.add(new Endpoint(HttpMethod.POST, "/api/inquiries/{id}/answer", unknown, false, List.of(f("on", Kind.DATE, "2024-07-01"),
                f("answer", Kind.TEXT, "a"))));
        list.add(new Endpoint(HttpMethod.POST, "/api/inquiries/{id}/closure", unknown, false, List.of(
                f("closedOn", Kind.DATE, "2024-07-01"))));
        list.add(new Endpoint(HttpMethod.POST, "/api/inquiries/{id}/reopening", unknown, false, List.of(
                f("reopenedOn", Kind.DATE, "2024-07-01"), f("reason", Kind.TEXT, "r"))));
        // Consultations: opened for another bureau's municipality (403); the rest on an unknown consultation (404).
        list.add(new Endpoint(HttpMethod.POST, "/api/consultations", none, false, List.of(f("municipalityCode", Kind.TEXT, "131016"),
                f("fiscalYear", Kind.INT, 2024), f("capInputs", Kind.OBJECT, Map.of("baselineActual", 1000, "growthRate75Plus", 1.05,
                        "capAmount", 1050)), f("plannedCost", Kind.INT, 2000), f("excessAmount", Kind.INT, 950),
                f("reason", Kind.ENUM, "DISASTER"), f("reasonDetail", Kind.TEXT, "d"))));
        list.add(new Endpoint(HttpMethod.POST, "/api/consultations/{id}/submission", unknown, false, List.of(
                f("submittedOn", Kind.DATE, "2024-07-01"), f("prefectureCode", Kind.TEXT, "400009"))));
        list.add(new Endpoint(HttpMethod.POST, "/api/consultations/{id}/review", unknown, false, List.of(
                f("reviewedOn", Kind.DATE, "2024-07-01"), f("findings", Kind.TEXT, "f"))));
        list.add(new Endpoint(HttpMethod.POST, "/api/consultations/{id}/approval", unknown, false, List.of(
                f("approvedOn", Kind.DATE, "2024-07-01"), f("approvedExcessAmount", Kind.INT, 10))));
        list.add(new Endpoint(HttpMethod.POST, "/api/consultations/{id}/rejection", unknown, false, List.of(
                f("rejectedOn", Kind.DATE, "2024-07-01"), f("reason", Kind.TEXT, "r"))));
        list.add(new Endpoint(HttpMethod.POST, "/api/consultations/{id}/links", unknown, false, List.of(
                f("grantCaseId", Kind.TEXT, grantCase))));
        return list;
    }

    // ---------------------------------------------------------------------------------------------------
    // Hostile values; "typed" ones are wrong for every field that is not a free-form map and must be named.

    record Hostile(String label, Object value, boolean typed) {
    }

    private static final String HUGE = "A".repeat(100_000);

    private static List<Hostile> hostiles() {
        return List.of(
                new Hostile("{$gt:''}", Map.of("$gt", ""), true),
                new Hostile("{$ne:1}", Map.of("$ne", 1), true),
                new Hostile("[{$gt:''}]", List.of(Map.of("$gt", "")), true),
                new Hostile("NUL", "x\u0000y", true),
                new Hostile("ESC", "\u001b[31mred", true),
                new Hostile("DEL", "a\u007f", true),
                new Hostile("$where", "$where: function() { return true; }", false),
                new Hostile("dropDatabase", "'; db.dropDatabase(); //", false),
                new Hostile("script", "<script>alert(1)</script>", false),
                new Hostile("huge", HUGE, false),
                new Hostile("empty", "", false),
                new Hostile("bigint", new RawValue("123456789012345678901234567890"), false),
                new Hostile("1e400", new RawValue("1e400"), false),
                new Hostile("negative", -1, false),
                new Hostile("fraction", 1.5, false),
                new Hostile("true", true, false),
                new Hostile("Feb30", "2025-02-30", false),
                new Hostile("25:61", "25:61", false),
                new Hostile("{}", Map.of(), false));
    }

    // ---------------------------------------------------------------------------------------------------
    // Sending and judging.

    private final Random random = new Random(SEED);
    private final Map<Integer, Integer> byStatus = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int requests;

    private record Request(String label, WebTestClient client, HttpMethod method, String template, Map<String, ?> vars,
                           Consumer<HttpHeaders> headers, MediaType contentType, byte[] body, String namedField) {
    }

    private void send(Request r) {
        WebTestClient.RequestBodySpec spec = r.client().method(r.method()).uri(r.template(), r.vars()).headers(r.headers());
        WebTestClient.RequestHeadersSpec<?> ready = spec;
        if (r.body() != null) {
            if (r.contentType() != null) {
                spec.contentType(r.contentType());
            }
            ready = spec.bodyValue(r.body());
        }
        EntityExchangeResult<byte[]> result;
        try {
            result = ready.exchange().expectBody(byte[].class).returnResult();
        } catch (IllegalStateException timeout) {
            requests++;
            failures.add("no answer within " + TIMEOUT + " for " + r.label() + " " + r.method() + " " + r.template() + " " + r.vars());
            return;
        }
        judge(r, result.getStatus().value(), result.getResponseHeaders().getContentType(), result.getResponseBody());
    }

    private void judge(Request r, int status, MediaType type, byte[] body) {
        requests++;
        byStatus.merge(status, 1, Integer::sum);
        String where = r.label() + " " + r.method() + " " + r.template();
        if (status >= 500) {
            failures.add(status + " for " + where + ": " + text(body));
            return;
        }
        if (status < 400) {
            failures.add("accepted (" + status + ") " + where);
            return;
        }
        if (type == null || !type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
            failures.add(status + " not problem+json (" + type + ") for " + where);
            return;
        }
        if (status == 400 && r.namedField() != null) {
            try {
                JsonNode errors = JSON.readTree(body).path("errors");
                boolean named = false;
                for (JsonNode error : errors) {
                    named |= error.path("field").asText("").startsWith(r.namedField());
                }
                if (!named) {
                    failures.add("400 without field " + r.namedField() + " for " + where + ": " + text(body));
                }
            } catch (java.io.IOException e) {
                failures.add("unreadable problem for " + where);
            }
        }
    }

    private static String text(byte[] body) {
        String s = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Consumer<HttpHeaders> headersFor(Endpoint e) {
        return h -> {
            if (e.stale()) {
                h.setIfMatch("\"0\"");
            }
        };
    }

    private void body(Endpoint e, String label, Object body, String namedField) {
        send(new Request(label, officer, e.method(), e.template(), e.vars(), headersFor(e), MediaType.APPLICATION_JSON,
                json(body), namedField));
    }

    private void raw(Endpoint e, String label, MediaType type, String body) {
        send(new Request(label, officer, e.method(), e.template(), e.vars(), headersFor(e), type,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), null));
    }

    private Object randomJson(int depth) {
        return switch (random.nextInt(depth > 2 ? 6 : 8)) {
            case 0 -> random.nextLong();
            case 1 -> random.nextBoolean();
            case 2 -> null;
            case 3 -> randomString();
            case 4 -> random.nextDouble() * 1e12;
            case 5 -> "$" + randomString();
            case 6 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(randomJson(depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put(random.nextBoolean() ? "$" + randomString() : randomString(), randomJson(depth + 1));
                }
                yield map;
            }
        };
    }

    private String randomString() {
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(12); i >= 0; i--) {
            int pick = random.nextInt(10);
            b.append(pick == 0 ? (char) random.nextInt(0x20) : pick == 1 ? (char) (0x3040 + random.nextInt(0x60))
                    : (char) (0x21 + random.nextInt(0x5e)));
        }
        return b.toString();
    }

    @Test
    void hostileRequestsAreRefusedWithProblemsAndWriteNothing() {
        List<Endpoint> endpoints = endpoints();
        List<Hostile> hostiles = hostiles();
        for (Endpoint e : endpoints) {
            // Every hostile value in every field.
            for (Field field : e.fields()) {
                for (Hostile h : hostiles) {
                    Map<String, Object> b = e.base();
                    b.put(field.name(), h.value());
                    body(e, field.name() + "=" + h.label(), b, h.typed() && field.kind() != Kind.MAP ? field.name() : null);
                }
            }
            // Operators and hostile names as keys.
            for (String key : List.of("$where", "$gt", "a\u0001b", "__proto__", "constructor.prototype", "actor")) {
                Map<String, Object> b = e.base();
                b.put(key, random.nextBoolean() ? Map.of("$gt", "") : "1 == 1");
                body(e, "key " + key, b, key);
            }
            Map<String, Object> b = e.base();
            b.put(e.fields().get(0).name(), Map.of("$where", "sleep(1000)", "$gt", Map.of("$ne", "")));
            body(e, "nested operators", b, e.fields().get(0).name());
            body(e, "operator body", Map.of("$gt", ""), "$gt");
            // Random JSON of any shape.
            for (int i = 0; i < 6; i++) {
                body(e, "random " + i, randomJson(0), null);
            }
            // Wrong shapes and syntax.
            String base = new String(json(e.base()), StandardCharsets.UTF_8);
            raw(e, "array body", MediaType.APPLICATION_JSON, "[" + base + "]");
            raw(e, "string body", MediaType.APPLICATION_JSON, "\"" + base.replace("\"", "\\\"") + "\"");
            raw(e, "number body", MediaType.APPLICATION_JSON, "42");
            raw(e, "null body", MediaType.APPLICATION_JSON, "null");
            raw(e, "truncated", MediaType.APPLICATION_JSON, base.substring(0, base.length() / 2));
            raw(e, "garbage", MediaType.APPLICATION_JSON, "{\"a\":}\u0000\u00ff");
            raw(e, "trailing", MediaType.APPLICATION_JSON, base + "}}");
            raw(e, "duplicate keys", MediaType.APPLICATION_JSON, "{\"" + e.fields().get(0).name() + "\":{\"$gt\":\"\"},"
                    + base.substring(1));
            raw(e, "empty", MediaType.APPLICATION_JSON, "");
            raw(e, "no body", MediaType.APPLICATION_JSON, null);
            raw(e, "text/plain", MediaType.TEXT_PLAIN, base);
            raw(e, "application/xml", MediaType.APPLICATION_XML, "<a><b>&xxe;</b></a>");
            raw(e, "form", MediaType.APPLICATION_FORM_URLENCODED, "a[$gt]=&b=1");
            raw(e, "no content type", null, base);
            if (endpoints.indexOf(e) % 4 == 0) {
                Map<String, Object> big = e.base();
                big.put(e.fields().get(0).name(), "B".repeat(300 * 1024));
                send(new Request("over 256 KB", officer, e.method(), e.template(), e.vars(), headersFor(e),
                        MediaType.APPLICATION_JSON, json(big), null));
            }
            // Hostile ids in the path.
            if (e.hasId()) {
                for (String id : List.of("../x", "..", "{$ne:1}", "{\"$gt\":\"\"}", "$where", "null", " ", "%00", "a\u0000b",
                        "x".repeat(2000), "'; return true; //")) {
                    Map<String, String> vars = new LinkedHashMap<>(e.vars());
                    vars.put("id", id);
                    send(new Request("id " + id.substring(0, Math.min(20, id.length())), officer, e.method(), e.template(), vars,
                            h -> { }, MediaType.APPLICATION_JSON, json(e.base()), null));
                }
            }
        }
        // Path parts that are codes: milestone kinds and grant steps.
        for (String kind : List.of("{$gt:''}", "$where", "VISIT_9", "m0_5", "x".repeat(1000))) {
            send(new Request("kind " + kind, officer, HttpMethod.POST, "/api/engagements/{id}/milestones/{kind}/held",
                    Map.of("id", engagement, "kind", kind), h -> h.setIfMatch("\"0\""), MediaType.APPLICATION_JSON,
                    json(Map.of("heldOn", "2024-08-01", "mode", "ONLINE")), null));
            send(new Request("step " + kind, officer, HttpMethod.POST, "/api/grant-cases/{id}/procedures/{procedure}/steps/{step}",
                    Map.of("id", grantCase, "procedure", procedure, "step", kind), h -> h.setIfMatch("\"0\""),
                    MediaType.APPLICATION_JSON, json(Map.of("on", "2024-05-01")), null));
        }
        // The list queries with hostile parameters.
        List<String> lists = List.of("/api/engagements", "/api/grant-cases", "/api/grants/deadlines", "/api/progress/matrix",
                "/api/homework", "/api/grants/pending-approvals", "/api/audit/controls");
        List<Map.Entry<String, String>> params = List.of(Map.entry("bureau", "{\"$gt\":\"\"}"), Map.entry("bureau", "$where"),
                Map.entry("bureau", "kyushu\u0000"), Map.entry("fiscalYear", "abc"), Map.entry("fiscalYear", "{\"$gt\":0}"),
                Map.entry("fiscalYear", "99999999999"), Map.entry("targetFiscalYear", "1.5"), Map.entry("from", "2025-02-30"),
                Map.entry("to", "{\"$gt\":\"\"}"), Map.entry("programme", "NOPE"), Map.entry("status", "{$ne:1}"),
                Map.entry("grantType", "$where"), Map.entry("waitingFor", "x"), Map.entry("bureau[$ne]", "x"),
                Map.entry("fiscalYear", ""), Map.entry("bureau", "x".repeat(2000)));
        int okLists = 0;
        for (String list : lists) {
            for (Map.Entry<String, String> p : params) {
                EntityExchangeResult<byte[]> result;
                try {
                    result = officer.get().uri(list + "?" + p.getKey().replace("[", "%5B").replace("]", "%5D")
                                    .replace("$", "%24") + "={v}", Map.of("v", p.getValue()))
                            .exchange().expectBody(byte[].class).returnResult();
                } catch (IllegalStateException timeout) {
                    requests++;
                    failures.add("no answer within " + TIMEOUT + " for GET " + list + "?" + p.getKey() + "=" + p.getValue());
                    continue;
                }
                int status = result.getStatus().value();
                if (status == 200) {
                    okLists++;
                    requests++;
                    byStatus.merge(200, 1, Integer::sum);
                    continue;
                }
                judge(new Request("query " + p.getKey() + "=" + p.getValue().substring(0, Math.min(20, p.getValue().length())),
                                officer, HttpMethod.GET, list, Map.of(), h -> { }, null, null, null),
                        status, result.getResponseHeaders().getContentType(), result.getResponseBody());
            }
        }
        // Bad credentials.
        List<String> authorizations = List.of("Basic !!!not-base64!!!", "Basic " + b64("officer-kyushu:wrong"), "Basic " + b64("nobody:demo"),
                "Basic " + b64("officer-kyushu"), "Basic " + b64(":"), "Basic ", "Basic", "Bearer xyz", "Bearer ",
                "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.", "", "Digest username=\"admin\"",
                "Basic " + b64("officer-kyushu\u0000:demo"), "Basic " + b64("{\"$gt\":\"\"}:{\"$gt\":\"\"}"),
                "Basic " + b64("x".repeat(2000) + ":demo"));
        Endpoint register = endpoints.get(0);
        WebTestClient anonymous = client().build();
        for (String authorization : authorizations) {
            for (Endpoint e : List.of(register, endpoints.get(2), endpoints.get(endpoints.size() - 1))) {
                send(new Request("authorization " + authorization.substring(0, Math.min(20, authorization.length())),
                        anonymous, e.method(), e.template(), e.vars(), h -> h.set(HttpHeaders.AUTHORIZATION, authorization),
                        MediaType.APPLICATION_JSON, json(e.base()), null));
            }
            send(new Request("authorization on GET", anonymous, HttpMethod.GET, "/api/engagements", Map.of(),
                    h -> h.set(HttpHeaders.AUTHORIZATION, authorization), null, null, null));
        }
        // Not allowed: the auditor reads only; unknown routes and methods.
        send(new Request("auditor", client().defaultHeaders(h -> h.setBasicAuth("auditor", "demo")).build(), HttpMethod.POST, "/api/engagements/{id}/decisions", Map.of("id", engagement),
                h -> { }, MediaType.APPLICATION_JSON, json(Map.of("decidedOn", "2024-07-02", "text", "x")), null));
        send(new Request("unknown route", officer, HttpMethod.POST, "/api/nothing-here", Map.of(), h -> { },
                MediaType.APPLICATION_JSON, json(Map.of()), null));
        send(new Request("unknown method", officer, HttpMethod.DELETE, "/api/engagements/{id}", Map.of("id", engagement), h -> { },
                null, null, null));
        send(new Request("unknown method", officer, HttpMethod.PATCH, "/api/engagements/{id}/selection", Map.of("id", engagement),
                h -> { }, MediaType.APPLICATION_JSON, json(Map.of("selectedOn", "2024-07-01")), null));

        long fiveHundreds = byStatus.entrySet().stream().filter(s -> s.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
        long written = app.storedEvents() - eventsAfterSetup;
        System.out.println("fuzz: " + requests + " requests (seed " + SEED + "), " + fiveHundreds + " 5xx, " + written
                + " events written, by status " + byStatus + " (" + okLists + " list queries answered 200)");
        failures.stream().filter(f -> !f.startsWith("400 not problem+json (null) for id ")).limit(150).forEach(f -> System.out.println("fuzz failure: " + f));
        assertThat(requests).isGreaterThanOrEqualTo(1_200);
        assertThat(failures).as("%d failures", failures.size()).isEmpty();
        assertThat(written).as("events written by hostile requests").isZero();
        assertThat(etag("/api/engagements/" + engagement)).isEqualTo(engagementEtag);
        assertThat(etag("/api/grant-cases/" + grantCase)).isEqualTo(grantEtag);
    }

    private static String b64(String s) {
        return java.util.Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void mongoOperatorsInIdsParametersAndBodiesFindNothing() {
        long before = app.storedEvents();
        WebTestClient auditor = client().defaultHeaders(h -> h.setBasicAuth("auditor", "demo")).build();
        // The real case is there; an operator where its id goes is just an unknown id.
        officer.get().uri("/api/engagements?bureau=kyushu").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + engagement + "')]").exists();
        for (String id : List.of("{\"$gt\":\"\"}", "{$ne:1}", "{\"$regex\":\".*\"}")) {
            auditor.get().uri("/api/engagements/{id}", Map.of("id", id)).exchange().expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            auditor.get().uri("/api/grant-cases/{id}", Map.of("id", id)).exchange().expectStatus().isNotFound();
            auditor.get().uri("/api/cases/{id}/timeline", Map.of("id", id)).exchange()
                    .expectStatus().value(s -> assertThat(s).isIn(200, 404))
                    .expectBody().consumeWith(r -> assertThat(text(r.getResponseBody())).doesNotContain(engagement));
        }
        // An operator where a code goes matches no bureau: an empty list or a 400, never the other cases.
        for (String bureau : List.of("{\"$gt\":\"\"}", "{\"$ne\":\"x\"}", "{\"$regex\":\".*\"}")) {
            for (String list : List.of("/api/engagements", "/api/grant-cases")) {
                EntityExchangeResult<byte[]> r = auditor.get().uri(list + "?bureau={b}", Map.of("b", bureau)).exchange()
                        .expectBody(byte[].class).returnResult();
                assertThat(r.getStatus().value()).isIn(200, 400);
                if (r.getStatus().value() == 200) {
                    assertThat(text(r.getResponseBody())).isEqualTo("[]");
                }
            }
        }
        // An operator in a body is a wrong type, named.
        officer.post().uri("/api/engagements").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"programme\":\"KASOKUKA\",\"fiscalYear\":2025,\"municipalityCode\":{\"$gt\":\"\"}}").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("municipalityCode");
        officer.post().uri("/api/grant-cases").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"grantType\":\"KIKIN_JINZAI\",\"recipient\":{\"kind\":\"MUNICIPALITY\",\"code\":{\"$ne\":null}},"
                        + "\"targetFiscalYear\":2025}").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("recipient.code");
        // Control characters are refused by name.
        officer.post().uri("/api/engagements/{id}/decisions", Map.of("id", engagement)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"decidedOn\":\"2024-07-02\",\"text\":\"a\\u0000b\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("text")
                .jsonPath("$.errors[0].message").isEqualTo("control characters are not allowed");
        assertThat(app.storedEvents()).isEqualTo(before);
    }
}
