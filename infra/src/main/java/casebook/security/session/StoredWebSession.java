package casebook.security.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * One browser session as {@link MongoWebSessionStore} keeps it: the semantics of Spring's in-memory session
 * (started by an attribute or by {@link #start()}, expired after its idle time, a new id on sign-in), and what was
 * last written, so that a request that changed nothing does not write again.
 */
final class StoredWebSession implements WebSession {

    private enum State { NEW, STARTED, EXPIRED }

    private final MongoWebSessionStore store;
    private final Instant creationTime;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private final AtomicReference<State> state;
    private volatile String id;
    private volatile Instant lastAccessTime;
    private volatile Duration maxIdleTime;
    /** The attributes and last access as stored; null before the first write (and after a new id). */
    private volatile byte[] writtenAttributes;
    private volatile Instant writtenAccess;

    /** A new session, not stored until started and saved. */
    StoredWebSession(MongoWebSessionStore store, String id, Instant now, Duration maxIdleTime) {
        this.store = store;
        this.id = id;
        this.creationTime = now;
        this.lastAccessTime = now;
        this.maxIdleTime = maxIdleTime;
        this.state = new AtomicReference<>(State.NEW);
    }

    /** A session read back from the store. */
    StoredWebSession(MongoWebSessionStore store, String id, Instant creationTime, Duration maxIdleTime,
                     Map<String, Object> attributes, byte[] writtenAttributes, Instant writtenAccess) {
        this.store = store;
        this.id = id;
        this.creationTime = creationTime;
        this.lastAccessTime = writtenAccess;
        this.maxIdleTime = maxIdleTime;
        this.attributes.putAll(attributes);
        this.writtenAttributes = writtenAttributes;
        this.writtenAccess = writtenAccess;
        this.state = new AtomicReference<>(State.STARTED);
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return attributes;
    }

    @Override
    public void start() {
        state.compareAndSet(State.NEW, State.STARTED);
    }

    @Override
    public boolean isStarted() {
        return state.get() == State.STARTED || (state.get() == State.NEW && !attributes.isEmpty());
    }

    /** On sign-in (against session fixation): the old id is deleted, the session is written under the new one. */
    @Override
    public Mono<Void> changeSessionId() {
        String old = id;
        id = store.newSessionId();
        writtenAttributes = null;
        writtenAccess = null;
        return store.removeSession(old);
    }

    @Override
    public Mono<Void> invalidate() {
        state.set(State.EXPIRED);
        attributes.clear();
        return store.removeSession(id);
    }

    @Override
    public Mono<Void> save() {
        if (state.get() == State.EXPIRED) {
            return Mono.empty();
        }
        if (!attributes.isEmpty()) {
            start(); // started implicitly by an attribute, as Spring's in-memory session is
        }
        return isStarted() ? store.save(this) : Mono.empty();
    }

    @Override
    public boolean isExpired() {
        if (state.get() == State.EXPIRED) {
            return true;
        }
        Duration idle = maxIdleTime;
        return !idle.isNegative() && store.now().isAfter(lastAccessTime.plus(idle));
    }

    @Override
    public void setMaxIdleTime(Duration maxIdleTime) {
        this.maxIdleTime = maxIdleTime;
        this.writtenAttributes = null;
    }

    @Override
    public Duration getMaxIdleTime() {
        return maxIdleTime;
    }

    @Override
    public Instant getCreationTime() {
        return creationTime;
    }

    @Override
    public Instant getLastAccessTime() {
        return lastAccessTime;
    }

    void accessed(Instant now) {
        lastAccessTime = now;
    }

    boolean needsWriting(byte[] attributesNow, Duration accessPrecision) {
        byte[] written = writtenAttributes;
        Instant access = writtenAccess;
        return written == null || access == null || !Arrays.equals(written, attributesNow)
                || !lastAccessTime.isBefore(access.plus(accessPrecision));
    }

    void written(byte[] attributesNow, Instant access) {
        writtenAttributes = attributesNow;
        writtenAccess = access;
    }
}
