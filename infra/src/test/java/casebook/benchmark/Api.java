package casebook.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP API as the national load uses it: production sign-in with bearer JWTs (an officer and a supervisor of
 * every bureau, signed by a key pair made for this run; the application trusts its public key through
 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location}), one shared HTTP/1.1 client.
 */
final class Api {

    /** A non-2xx answer: the command stored nothing. */
    static final class Rejected extends RuntimeException {
        final int status;

        Rejected(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeyPair keys;
    private final Path publicKeyPem;
    private final Map<String, String> bearers = new ConcurrentHashMap<>();
    private volatile String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Api(KeyPair keys, Path publicKeyPem) {
        this.keys = keys;
        this.publicKeyPem = publicKeyPem;
    }

    /** A fresh key pair; the public key is written (PEM) into {@code dir} for the application to trust. */
    static Api withNewKeys(Path dir) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            Path pem = dir.resolve("benchmark-idp-public-key.pem");
            Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            return new Api(keys, pem);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The application property that makes it trust this run's tokens. */
    String trustProperty() {
        return "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKeyPem;
    }

    void baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static String officer(String bureau) {
        return "officer-" + bureau;
    }

    static String supervisor(String bureau) {
        return "supervisor-" + bureau;
    }

    static final String AUDITOR = "auditor";

    /** Bearer token of a benchmark user named {@code officer-<bureau>}, {@code supervisor-<bureau>} or {@code auditor}. */
    private String bearer(String user) {
        return bearers.computeIfAbsent(user, u -> {
            String role;
            String bureau = null;
            if (u.equals(AUDITOR)) {
                role = "AUDITOR";
            } else if (u.startsWith("officer-")) {
                role = "CASE_OFFICER";
                bureau = u.substring("officer-".length());
            } else if (u.startsWith("supervisor-")) {
                role = "SUPERVISOR";
                bureau = u.substring("supervisor-".length());
            } else {
                throw new IllegalArgumentException("no such benchmark user " + u);
            }
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("benchmark-" + u).claim("preferred_username", u)
                    .claim("casebook_role", role).issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plus(Duration.ofDays(2)))); // a 1M run takes hours
            if (bureau != null) {
                claims.claim("casebook_bureau", bureau);
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
            try {
                jwt.sign(new RSASSASigner(keys.getPrivate()));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return "Bearer " + jwt.serialize();
        });
    }

    /** A command; its answer's JSON. Throws {@link Rejected} for a non-2xx answer. */
    JsonNode send(String user, String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", bearer(user)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new Rejected(response.statusCode(), method + " " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** A read; the answer's body, whose length the caller may check. Throws {@link Rejected} unless 200. */
    String get(String user, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", bearer(user)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new Rejected(response.statusCode(), "GET " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
