package casebook.e2e;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A minimal OpenID Connect provider for tests: discovery, an authorization endpoint that signs in whoever the test
 * chose (a browser gets a page with a link to go on, other clients a redirect at once), a token endpoint that returns an RS256 ID token with those claims, and its key set. It
 * runs on 127.0.0.1 so that, seen from a browser on {@code localhost}, it is another site.
 */
public final class FakeIdentityProvider implements AutoCloseable {

    static final String CLIENT_ID = "casebook";
    static final String CLIENT_SECRET = "s3cret";

    private final KeyPair keys;
    private final DisposableServer server;
    private final Map<String, Map<String, Object>> codes = new ConcurrentHashMap<>();
    private volatile Map<String, Object> nextUser = Map.of();

    public FakeIdentityProvider() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .get("/.well-known/openid-configuration", (req, res) -> json(res, discovery()))
                        .get("/jwks", (req, res) -> json(res, new JWKSet(new RSAKey.Builder((RSAPublicKey) keys.getPublic())
                                .keyID("k1").build()).toString()))
                        .get("/authorize", this::authorize)
                        .post("/token", this::token))
                .bindNow();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The claims of the person who signs in next (besides iss, sub, aud, exp, iat and nonce). */
    public void signsInNext(Map<String, Object> claims) {
        nextUser = Map.copyOf(claims);
    }

    /** Spring Boot's settings for a client registration of this provider. */
    public List<String> clientRegistration(String id, String displayName) {
        String prefix = "spring.security.oauth2.client.";
        return List.of(prefix + "registration." + id + ".client-id=" + CLIENT_ID,
                prefix + "registration." + id + ".client-secret=" + CLIENT_SECRET,
                prefix + "registration." + id + ".client-name=" + displayName,
                prefix + "registration." + id + ".scope=openid",
                prefix + "registration." + id + ".provider=" + id,
                prefix + "provider." + id + ".issuer-uri=" + issuer());
    }

    private String discovery() {
        String iss = issuer();
        return "{\"issuer\":\"" + iss + "\",\"authorization_endpoint\":\"" + iss + "/authorize\",\"token_endpoint\":\"" + iss
                + "/token\",\"jwks_uri\":\"" + iss + "/jwks\",\"response_types_supported\":[\"code\"],"
                + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                + "\"scopes_supported\":[\"openid\"],\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\"]}";
    }

    /** Signs in {@link #nextUser} at once and sends the browser back with a code, as a provider does after its login. */
    private Mono<Void> authorize(HttpServerRequest req, HttpServerResponse res) {
        Map<String, List<String>> q = new QueryStringDecoder(req.uri()).parameters();
        if (!List.of(CLIENT_ID).equals(q.get("client_id")) || !List.of("code").equals(q.get("response_type"))) {
            return res.status(HttpResponseStatus.BAD_REQUEST).send();
        }
        String code = UUID.randomUUID().toString();
        Map<String, Object> claims = new ConcurrentHashMap<>(nextUser);
        if (q.containsKey("nonce")) {
            claims.put("nonce", q.get("nonce").get(0));
        }
        codes.put(code, claims);
        String back = q.get("redirect_uri").get(0) + "?code=" + code + "&state="
                + java.net.URLEncoder.encode(q.get("state").get(0), StandardCharsets.UTF_8);
        String accept = req.requestHeaders().get("Accept", "");
        if (accept.contains("text/html")) {
            // A browser: the provider's own page, where the person confirms; going on is a navigation that starts on
            // the provider's site, as after a real login form (cross-site for Casebook's cookies).
            return res.header("Content-Type", "text/html; charset=utf-8").sendString(Mono.just(
                    "<!doctype html><html lang=\"ja\"><head><title>Identity provider</title></head><body>"
                            + "<h1>職員ID</h1><p>" + claims.getOrDefault("preferred_username", "?") + "</p>"
                            + "<a id=\"continue\" href=\"" + back.replace("&", "&amp;") + "\">続ける</a></body></html>")).then();
        }
        return res.status(HttpResponseStatus.FOUND).header("Location", back).send();
    }

    private Mono<Void> token(HttpServerRequest req, HttpServerResponse res) {
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(req.requestHeaders().get("Authorization"))) {
            return res.status(HttpResponseStatus.UNAUTHORIZED).send();
        }
        return req.receive().aggregate().asString().defaultIfEmpty("").flatMap(form -> {
            Map<String, List<String>> p = new QueryStringDecoder(form, false).parameters();
            Map<String, Object> claims = p.containsKey("code") ? codes.remove(p.get("code").get(0)) : null;
            if (claims == null) {
                return json(res.status(HttpResponseStatus.BAD_REQUEST), "{\"error\":\"invalid_grant\"}").then();
            }
            return json(res, "{\"access_token\":\"at-" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                    + "\"id_token\":\"" + idToken(claims) + "\"}").then();
        });
    }

    private String idToken(Map<String, Object> claims) {
        try {
            Instant now = Instant.now();
            JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer(issuer()).audience(CLIENT_ID)
                    .subject("sub-" + claims.getOrDefault("preferred_username", "someone"))
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
            claims.forEach(set::claim);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), set.build());
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mono<Void> json(HttpServerResponse res, String body) {
        return res.header("Content-Type", "application/json").sendString(Mono.just(body)).then();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
