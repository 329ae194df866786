package casebook.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Idempotency-Key: a repeated request returns the first answer and writes nothing, also after a restart. */
class IdempotencyTest {

    @TempDir
    Path data;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> register(WebTestClient client, String key, String municipality, int status) {
        return client.post().uri("/api/engagements").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("programme", "KASOKUKA", "fiscalYear", 2025, "municipalityCode", municipality))
                .exchange().expectStatus().isEqualTo(status).expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void aRepeatedRequestReturnsTheFirstAnswerAndWritesNothing() {
        String id;
        long events;
        try (RunningCasebook app = RunningCasebook.start(data)) {
            WebTestClient officer = app.as("officer-kyushu");
            id = (String) register(officer, "register-kurume-1", "402036", 201).get("id");
            events = app.storedEvents();
            assertThat(register(officer, "register-kurume-1", "402036", 201).get("id")).isEqualTo(id);
            assertThat(app.storedEvents()).isEqualTo(events);
            // The same key for a different request is refused, and writes nothing either.
            register(officer, "register-kurume-1", "406015", 409);
            assertThat(app.storedEvents()).isEqualTo(events);
            // Keys belong to their user: another officer's key of the same name is a new request.
            assertThat(register(app.as("supervisor-kyushu"), "register-kurume-1", "406015", 201).get("id")).isNotEqualTo(id);
        }
        try (RunningCasebook app = RunningCasebook.start(data)) {
            long before = app.storedEvents();
            assertThat(register(app.as("officer-kyushu"), "register-kurume-1", "402036", 201).get("id")).isEqualTo(id);
            assertThat(app.storedEvents()).isEqualTo(before);
        }
    }

    @Test
    void aKeyLeftPendingByAStoppedProcessSaysSoAndRunsNothing() throws Exception {
        String body = "{\"programme\":\"KASOKUKA\",\"fiscalYear\":2025,\"municipalityCode\":\"402036\"}";
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("POST /api/engagements".getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        String fingerprint = HexFormat.of().formatHex(sha.digest(body.getBytes(StandardCharsets.UTF_8)));
        try (RunningCasebook app = RunningCasebook.start(data)) {
            // What a process killed between claiming a key and recording the answer leaves behind, and a live claim.
            var keys = app.database().getCollection("idempotency_keys");
            keys.insertOne(new Document("_id", "officer-kyushu\u0000killed-midway").append("fingerprint", fingerprint)
                    .append("state", "PENDING").append("createdAt", Instant.now().minus(Duration.ofMinutes(10)).toString()));
            keys.insertOne(new Document("_id", "officer-kyushu\u0000running-now").append("fingerprint", fingerprint)
                    .append("state", "PENDING").append("createdAt", Instant.now().toString()));
            long events = app.storedEvents();
            WebTestClient officer = app.as("officer-kyushu");
            for (String[] key : new String[][] {{"killed-midway", "was interrupted"}, {"running-now", "still in progress"}}) {
                assertThat(officer.post().uri("/api/engagements").header("Idempotency-Key", key[0])
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                        .exchange().expectStatus().isEqualTo(409).expectBody(String.class).returnResult().getResponseBody())
                        .contains(key[1]);
            }
            assertThat(app.storedEvents()).isEqualTo(events);
        }
    }

    /** Records are kept for the retention (a week by default): older ones are deleted, younger ones still answer. */
    @Test
    void aRecordOlderThanTheRetentionIsDeletedAndItsKeyIsNewAgain() {
        try (RunningCasebook app = RunningCasebook.start(data, "casebook.idempotency-retention=1d")) {
            var keys = app.database().getCollection("idempotency_keys");
            for (String[] r : new String[][] {{"last-week", "P2D"}, {"this-morning", "PT1H"}}) {
                keys.insertOne(new Document("_id", "officer-kyushu\u0000" + r[0]).append("fingerprint", "another request")
                        .append("state", "DONE").append("status", 201).append("body", new org.bson.types.Binary(new byte[0]))
                        .append("createdAt", Instant.now().minus(Duration.parse(r[1])).toString()));
            }
            WebTestClient officer = app.as("officer-kyushu");
            // The first keyed request sweeps: the two-day-old record is gone, so its key runs this request.
            register(officer, "last-week", "402036", 201);
            assertThat(keys.find(new Document("_id", "officer-kyushu\u0000last-week")).first().getString("fingerprint"))
                    .isNotEqualTo("another request");
            // An hour-old record is within the day: the same key with this other request is still refused.
            register(officer, "this-morning", "406015", 409);
        }
    }

    @Test
    void aRefusedRequestDoesNotUseUpItsKeyAndNamesOnlyAFaultyKey() {
        try (RunningCasebook app = RunningCasebook.start(data)) {
            WebTestClient officer = app.as("officer-kyushu");
            long events = app.storedEvents();
            register(officer, "try-again", "999999", 400);
            register(officer, "try-again", "999999", 400);
            // A body over the codecs' limit is 413 with or without a key; the key is not the fault, so no field is
            // named, and it stays free for the request sent again at a sensible size.
            String tooLarge = "{\"programme\":\"KASOKUKA\",\"fiscalYear\":2025,\"municipalityCode\":\"402036\","
                    + "\"applicationBackground\":\"" + "あ".repeat(100_000) + "\"}";
            for (String key : new String[] {"too-large", null}) {
                officer.post().uri("/api/engagements").headers(h -> {
                            if (key != null) {
                                h.set("Idempotency-Key", key);
                            }
                        }).contentType(MediaType.APPLICATION_JSON).bodyValue(tooLarge)
                        .exchange().expectStatus().isEqualTo(413)
                        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody().jsonPath("$.status").isEqualTo(413).jsonPath("$.errors").doesNotExist();
            }
            assertThat(app.storedEvents()).isEqualTo(events);
            register(officer, "too-large", "402036", 201);
            // A key that is itself bad is the named field.
            officer.post().uri("/api/engagements").header("Idempotency-Key", "x".repeat(101))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("programme", "KASOKUKA", "fiscalYear", 2025, "municipalityCode", "406015"))
                    .exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
            assertThat(app.storedEvents()).isEqualTo(events + 1);
        }
    }
}
