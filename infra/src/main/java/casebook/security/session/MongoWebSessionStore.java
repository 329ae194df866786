package casebook.security.session;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.WebSessionStore;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The browser UI's sessions in MongoDB ({@code web_sessions}), so that a signed-in user stays signed in when
 * Casebook restarts (an upgrade, a crash) and when a load balancer sends the next request to another instance.
 * Scripts with Basic credentials or bearer tokens never start a session and cost nothing here.
 * <p>
 * A session is stored under the SHA-256 of its id, so that someone who can read the database cannot take over a
 * session by its cookie value. The attributes (the signed-in user's security context) are Java-serialized, and
 * read back only through {@link SessionAttributes}' allow-list. A request that changes nothing writes nothing
 * unless the last access stored is more than {@link #ACCESS_PRECISION} old: the idle timeout is hours, so a minute
 * of imprecision is harmless and a page's dozen requests cost one write, not twelve.
 */
public final class MongoWebSessionStore implements WebSessionStore {

    static final String COLLECTION = "web_sessions";
    static final Duration ACCESS_PRECISION = Duration.ofMinutes(1);
    /** How often expired sessions are deleted (real MongoDB also drops them by the TTL index; the embedded one cannot). */
    private static final Duration SWEEP_EVERY = Duration.ofHours(1);
    private static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");
    private static final Logger log = LoggerFactory.getLogger(MongoWebSessionStore.class);

    private final MongoCollection<Document> sessions;
    private final Clock clock;
    private final Duration maxIdleTime;
    private final SecureRandom random = new SecureRandom();
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);

    public MongoWebSessionStore(MongoDatabase database, Clock clock, Duration maxIdleTime) {
        this.sessions = database.getCollection(COLLECTION);
        this.clock = clock;
        this.maxIdleTime = maxIdleTime;
        sessions.createIndex(new Document("expiresAt", 1),
                new IndexOptions().name("expires").expireAfter(0L, TimeUnit.SECONDS));
    }

    @Override
    public Mono<WebSession> createWebSession() {
        sweepNowAndThen();
        return Mono.just(new StoredWebSession(this, newSessionId(), clock.instant(), maxIdleTime));
    }

    @Override
    public Mono<WebSession> retrieveSession(String id) {
        return Mono.<WebSession>fromCallable(() -> load(id)).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<Void> removeSession(String id) {
        return Mono.fromRunnable(() -> sessions.deleteOne(Filters.eq("_id", key(id))))
                   .subscribeOn(Schedulers.boundedElastic()).then();
    }

    @Override
    public Mono<WebSession> updateLastAccessTime(WebSession session) {
        ((StoredWebSession) session).accessed(clock.instant());
        return Mono.just(session);
    }

    private StoredWebSession load(String id) {
        Document stored = sessions.find(Filters.eq("_id", key(id))).first();
        if (stored == null) {
            return null;
        }
        Instant now = clock.instant();
        Duration idle = Duration.ofSeconds(stored.getLong("maxIdleSeconds"));
        Instant lastAccess = stored.getDate("lastAccessAt").toInstant();
        if (!idle.isNegative() && now.isAfter(lastAccess.plus(idle))) {
            sessions.deleteOne(Filters.eq("_id", key(id)));
            return null;
        }
        byte[] attributes = stored.get("attributes", Binary.class).getData();
        Map<String, Object> values = SessionAttributes.read(attributes);
        if (values == null) {
            // Written by a build whose classes this one cannot read (or not ours): the user signs in again.
            log.info("a browser session could not be read and was ended; its user signs in again");
            sessions.deleteOne(Filters.eq("_id", key(id)));
            return null;
        }
        StoredWebSession session = new StoredWebSession(this, id, stored.getDate("createdAt").toInstant(), idle,
                values, attributes, lastAccess);
        session.accessed(now);
        return session;
    }

    /** Writes the session if its attributes changed or its stored last access is older than the precision. */
    Mono<Void> save(StoredWebSession session) {
        byte[] attributes = SessionAttributes.write(session.getAttributes());
        if (!session.needsWriting(attributes, ACCESS_PRECISION)) {
            return Mono.empty();
        }
        Instant lastAccess = session.getLastAccessTime();
        Duration idle = session.getMaxIdleTime();
        Document doc = new Document("_id", key(session.getId()))
                .append("attributes", new Binary(attributes))
                .append("createdAt", Date.from(session.getCreationTime()))
                .append("lastAccessAt", Date.from(lastAccess))
                .append("maxIdleSeconds", idle.toSeconds())
                .append("expiresAt", Date.from(idle.isNegative() ? NEVER : lastAccess.plus(idle)));
        return Mono.fromRunnable(() -> {
            sessions.replaceOne(Filters.eq("_id", doc.get("_id")), doc, new ReplaceOptions().upsert(true));
            session.written(attributes, lastAccess);
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }

    Instant now() {
        return clock.instant();
    }

    /** 256 random bits, URL-safe: the cookie's value. */
    String newSessionId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String key(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes expired sessions at most once an hour, off the request's thread, when someone signs in. */
    private void sweepNowAndThen() {
        Instant now = clock.instant();
        Instant last = lastSweep.get();
        if (now.isBefore(last.plus(SWEEP_EVERY)) || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        Schedulers.boundedElastic().schedule(() -> {
            try {
                long deleted = sessions.deleteMany(Filters.lt("expiresAt", Date.from(now))).getDeletedCount();
                if (deleted > 0) {
                    log.debug("deleted {} expired browser sessions", deleted);
                }
            } catch (RuntimeException e) {
                log.warn("expired browser sessions could not be deleted now; next time", e);
            }
        });
    }
}
