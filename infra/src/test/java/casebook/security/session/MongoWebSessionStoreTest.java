package casebook.security.session;

import static org.assertj.core.api.Assertions.assertThat;

import casebook.embedded.EmbeddedMongo;
import casebook.testing.MovableClock;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.server.WebSession;

/** Browser sessions in the embedded server, read back by a second store as another instance would. */
class MongoWebSessionStoreTest {

    static final String CONTEXT = "SPRING_SECURITY_CONTEXT";
    static final Duration IDLE = Duration.ofHours(8);

    @TempDir
    Path dir;
    EmbeddedMongo server;
    MongoClient client;
    MongoDatabase db;
    MongoCollection<Document> stored;
    final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T00:30:00Z"));

    @BeforeEach
    void open() {
        server = EmbeddedMongo.start(dir);
        client = MongoClients.create(server.connectionString());
        db = client.getDatabase("casebook");
        stored = db.getCollection(MongoWebSessionStore.COLLECTION);
    }

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    MongoWebSessionStore store() {
        return new MongoWebSessionStore(db, clock, IDLE);
    }

    static SecurityContext signedIn(String user) {
        return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_CASE_OFFICER"))));
    }

    WebSession signedInSession(MongoWebSessionStore store, String user) {
        WebSession session = store.createWebSession().block();
        session.getAttributes().put(CONTEXT, signedIn(user));
        session.save().block();
        return session;
    }

    @Test
    void aSessionSavedByOneInstanceIsReadByAnother() {
        WebSession session = signedInSession(store(), "officer-kyushu");

        WebSession read = store().retrieveSession(session.getId()).block();
        assertThat(read).isNotNull();
        assertThat(read.isStarted()).isTrue();
        SecurityContext context = read.getAttribute(CONTEXT);
        assertThat(context.getAuthentication().getName()).isEqualTo("officer-kyushu");
        assertThat(context.getAuthentication().getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_CASE_OFFICER");
        assertThat(read.getCreationTime()).isEqualTo(session.getCreationTime());
        assertThat(store().retrieveSession("no-such-session").block()).isNull();
    }

    /** Claims as a provider's ID token gives them (Keycloak nests its roles), parsed by the JOSE library. */
    @Test
    void anIdentityProvidersSignInIsReadBack() throws Exception {
        Map<String, Object> claims = com.nimbusds.jose.util.JSONObjectUtils.parse("""
                {"sub":"u-1","name":"九州 太郎","casebook_role":"CASE_OFFICER","casebook_bureau":"kyushu",
                 "realm_access":{"roles":["officer","offline_access"]},"iat":1764900000}""");
        Instant issued = Instant.parse("2026-12-05T00:00:00Z");
        var idToken = new org.springframework.security.oauth2.core.oidc.OidcIdToken("token", issued,
                issued.plusSeconds(300), claims);
        var user = new org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser(
                List.of(new SimpleGrantedAuthority("ROLE_CASE_OFFICER")), idToken);
        MongoWebSessionStore store = store();
        WebSession session = store.createWebSession().block();
        session.getAttributes().put(CONTEXT, new SecurityContextImpl(
                new org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken(user,
                        user.getAuthorities(), "division-idp")));
        session.save().block();

        SecurityContext read = store().retrieveSession(session.getId()).block().getAttribute(CONTEXT);
        var principal = (org.springframework.security.oauth2.core.oidc.user.OidcUser) read.getAuthentication().getPrincipal();
        assertThat(principal.getSubject()).isEqualTo("u-1");
        assertThat(principal.getFullName()).isEqualTo("九州 太郎");
        assertThat(principal.<Map<String, Object>>getClaim("realm_access")).containsEntry("roles",
                List.of("officer", "offline_access"));
    }

    @Test
    void theDatabaseHoldsOnlyTheHashOfTheId() {
        WebSession session = signedInSession(store(), "officer-kyushu");
        assertThat(session.getId()).hasSizeGreaterThanOrEqualTo(43);
        Document doc = stored.find().first();
        assertThat(doc.getString("_id")).isEqualTo(MongoWebSessionStore.key(session.getId()))
                .isNotEqualTo(session.getId());
        assertThat(doc.toJson()).doesNotContain(session.getId());
    }

    @Test
    void anUnchangedSessionIsWrittenAgainOnlyAfterAMinute() {
        MongoWebSessionStore store = store();
        WebSession session = signedInSession(store, "officer-kyushu");
        Date firstAccess = stored.find().first().getDate("lastAccessAt");

        clock.advance(Duration.ofSeconds(30));
        WebSession again = store.retrieveSession(session.getId()).block();
        again.save().block();
        assertThat(stored.find().first().getDate("lastAccessAt")).isEqualTo(firstAccess);

        clock.advance(Duration.ofSeconds(40));
        WebSession later = store.retrieveSession(session.getId()).block();
        later.save().block();
        assertThat(stored.find().first().getDate("lastAccessAt")).isEqualTo(Date.from(clock.instant()));
        assertThat(stored.find().first().getDate("expiresAt")).isEqualTo(Date.from(clock.instant().plus(IDLE)));

        // A changed attribute is written at once.
        later.getAttributes().put("note", "x");
        later.save().block();
        assertThat(store().retrieveSession(session.getId()).block().<String>getAttribute("note")).isEqualTo("x");
    }

    @Test
    void anIdleSessionExpiresAndIsDeleted() {
        WebSession session = signedInSession(store(), "officer-kyushu");
        clock.advance(IDLE.plusSeconds(1));
        assertThat(store().retrieveSession(session.getId()).block()).isNull();
        assertThat(stored.countDocuments()).isZero();
    }

    @Test
    void signingInGivesANewIdAndSigningOutEndsTheSession() {
        MongoWebSessionStore store = store();
        WebSession session = signedInSession(store, "officer-kyushu");
        String before = session.getId();
        session.changeSessionId().block();
        session.save().block();
        assertThat(session.getId()).isNotEqualTo(before);
        assertThat(store.retrieveSession(before).block()).isNull();
        assertThat(store.retrieveSession(session.getId()).block()).isNotNull();

        session.invalidate().block();
        assertThat(store.retrieveSession(session.getId()).block()).isNull();
        assertThat(stored.countDocuments()).isZero();
    }

    @Test
    void aSessionNeverStartedIsNotStored() {
        WebSession session = store().createWebSession().block();
        assertThat(session.isStarted()).isFalse();
        assertThat(stored.countDocuments()).isZero();
    }

    @Test
    void bytesOfClassesOutsideTheAllowListAreNotRead() throws Exception {
        WebSession session = signedInSession(store(), "officer-kyushu");
        Map<String, Object> planted = new HashMap<>(Map.of(CONTEXT, new ServerAddress("evil.example", 1)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(planted);
        }
        stored.updateOne(new Document(), new Document("$set", new Document("attributes", new Binary(bytes.toByteArray()))));

        assertThat(store().retrieveSession(session.getId()).block()).isNull();
        assertThat(stored.countDocuments()).as("the unreadable session is ended").isZero();
    }
}
