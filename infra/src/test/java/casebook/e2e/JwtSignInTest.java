package casebook.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Production sign-in with bearer JWTs: role and bureau come from the token's claims, the actor on the events
 * from its user name; a forged, expired or role-less token is refused.
 */
class JwtSignInTest {

    @TempDir
    static Path dir;
    static RunningCasebook app;
    static KeyPair keys;
    static KeyPair stranger;

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        stranger = generator.generateKeyPair();
        Path pem = dir.resolve("idp-public-key.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        app = RunningCasebook.start(dir.resolve("data"),
                "spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + pem);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String token(PrivateKey key, String user, String role, String bureau, Instant expires) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("sub-" + user).claim("preferred_username", user)
                .issueTime(new Date()).expirationTime(Date.from(expires));
        if (role != null) {
            claims.claim("casebook_role", role);
        }
        if (bureau != null) {
            claims.claim("casebook_bureau", bureau);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static WebTestClient bearer(String token) {
        return app.anonymous().mutate().defaultHeader("Authorization", "Bearer " + token).build();
    }

    @Test
    void theActorRoleAndBureauComeFromTheToken() throws Exception {
        WebTestClient tanaka = bearer(token(keys.getPrivate(), "tanaka.hanako", "CASE_OFFICER", "kyushu",
                Instant.now().plusSeconds(600)));
        String id = (String) EngagementEndToEndTest.post(tanaka, "/api/engagements", Map.of("programme", "KASOKUKA",
                "fiscalYear", 2026, "municipalityCode", "406015"), org.springframework.http.HttpStatus.CREATED).get("id");
        Document event = app.database().getCollection("events").find(new Document("sk", id + ":0")).first();
        assertThat(event.getString("m")).contains("\"actor\":\"tanaka.hanako\"", "\"actorBureau\":\"kyushu\"",
                "\"actorRole\":\"CASE_OFFICER\"");
        // The bureau is the token's: a case for another bureau is refused.
        tanaka.post().uri("/api/engagements").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("programme", "KASOKUKA", "fiscalYear", 2026, "municipalityCode", "082341"))
                .exchange().expectStatus().isForbidden();
        bearer(token(keys.getPrivate(), "kanto.officer", "CASE_OFFICER", "kantoshinetsu", Instant.now().plusSeconds(600)))
                .get().uri("/api/engagements/{id}", id).exchange().expectStatus().isNotFound();
        bearer(token(keys.getPrivate(), "audit.taro", "AUDITOR", null, Instant.now().plusSeconds(600)))
                .get().uri("/api/engagements/{id}", id).exchange().expectStatus().isOk();
    }

    @Test
    void forgedExpiredOrRolelessTokensAreRefused() throws Exception {
        long before = app.storedEvents();
        String body = "{\"programme\":\"KASOKUKA\",\"fiscalYear\":2026,\"municipalityCode\":\"413879\"}";
        for (String token : new String[] {
                token(stranger.getPrivate(), "mallory", "SUPERVISOR", "kyushu", Instant.now().plusSeconds(600)),
                token(keys.getPrivate(), "late", "CASE_OFFICER", "kyushu", Instant.now().minusSeconds(600)),
                "not-a-jwt"}) {
            bearer(token).post().uri("/api/engagements").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        // Signed but without a role, or an officer without a bureau: signed in, allowed nothing.
        for (String token : new String[] {token(keys.getPrivate(), "nobody", null, "kyushu", Instant.now().plusSeconds(600)),
                token(keys.getPrivate(), "drifter", "CASE_OFFICER", null, Instant.now().plusSeconds(600))}) {
            bearer(token).post().uri("/api/engagements").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                    .expectStatus().value(s -> assertThat(s).isIn(401, 403));
        }
        assertThat(app.storedEvents()).isEqualTo(before);
    }
}
