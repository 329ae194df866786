package casebook.eventstore;

import casebook.readmodel.ReplayCheckpoints;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Tracking tokens of the event processors, one document per processor segment, claimed by one node at
 * a time so that several Casebook instances can share the segments of a processor. Every write is a
 * conditional update on {@code _id} plus owner, so a node that lost its claim cannot overwrite a token.
 */
public class MongoTokenStore implements TokenStore {

    /** Listens to progress, e.g. to let a command's response wait until its projections are current. */
    public interface ProgressListener {
        void tokenStored(String processorName, int segment, TrackingToken token);
    }

    static final String COLLECTION = "tracking_tokens";
    private static final String PROCESSOR = "processor";
    private static final String SEGMENT = "segment";
    private static final String TOKEN = "token";
    private static final String TOKEN_TYPE = "tokenType";
    private static final String OWNER = "owner";
    private static final String CLAIMED_AT = "claimedAt";
    private static final String CONFIG_ID = "__storage_identifier";

    private final MongoCollection<Document> tokens;
    private final Serializer serializer;
    private final String nodeId;
    private final Duration claimTimeout;
    private final Clock clock;
    private final List<ProgressListener> listeners = new CopyOnWriteArrayList<>();
    private final ReplayCheckpoints checkpoints;
    /** When this instance last wrote each of its segments' claim time. */
    private final Map<String, Long> claimWrittenAt = new ConcurrentHashMap<>();

    public MongoTokenStore(MongoDatabase database, Serializer serializer, String nodeId, Duration claimTimeout, Clock clock) {
        this(database, serializer, nodeId, claimTimeout, clock, ReplayCheckpoints.off());
    }

    /**
     * With {@code checkpoints}, a segment that keeps unwritten read-model changes during a replay stores its token
     * only at a checkpoint (docs/adr/0020); in between, a store only extends the claim.
     */
    public MongoTokenStore(MongoDatabase database, Serializer serializer, String nodeId, Duration claimTimeout, Clock clock,
                           ReplayCheckpoints checkpoints) {
        this(database.getCollection(COLLECTION), serializer, nodeId, claimTimeout, clock, checkpoints);
    }

    private MongoTokenStore(MongoCollection<Document> tokens, Serializer serializer, String nodeId, Duration claimTimeout,
                            Clock clock, ReplayCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
        this.tokens = tokens;
        this.serializer = serializer;
        this.nodeId = nodeId;
        this.claimTimeout = claimTimeout;
        this.clock = clock;
    }

    /**
     * The same tokens, claimed under another owner name: segments this view claims are not this instance's, so its
     * processors leave them alone until the view releases them (the replay after a restore holds the projection
     * processors' segments so). Without listeners or replay checkpoints.
     */
    public MongoTokenStore claimingAs(String owner) {
        return new MongoTokenStore(tokens, serializer, owner, claimTimeout, clock, ReplayCheckpoints.off());
    }

    /** The owner name of this instance's claims. */
    public String nodeId() {
        return nodeId;
    }

    /** How long a claim lasts without being extended; a holder of segments must extend well within it. */
    public Duration claimTimeout() {
        return claimTimeout;
    }

    public void addListener(ProgressListener listener) {
        listeners.add(listener);
    }

    private static String id(String processorName, int segment) {
        return processorName + ":" + segment;
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        if (fetchSegments(processorName).length > 0) {
            throw new UnableToClaimTokenException("segments of " + processorName + " are already initialized");
        }
        for (int s = 0; s < segmentCount; s++) {
            initializeSegment(initialToken, processorName, s);
        }
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        insertSegment(token, processorName, segment, null, 0L);
    }

    /**
     * Creates a processor's segments already claimed by this store's owner, so that no instance can claim one of them
     * between their creation and a claim (the replay of a restored log holds the projection processors' segments so).
     *
     * @throws UnableToInitializeTokenException if one of them exists (those created before it stay, claimed)
     */
    public void initializeClaimedSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        long now = clock.millis();
        for (int s = 0; s < segmentCount; s++) {
            insertSegment(initialToken, processorName, s, nodeId, now);
            claimWrittenAt.put(id(processorName, s), now);
        }
    }

    private void insertSegment(TrackingToken token, String processorName, int segment, String owner, long claimedAt) {
        Document doc = new Document("_id", id(processorName, segment)).append(PROCESSOR, processorName)
                .append(SEGMENT, segment).append(OWNER, owner).append(CLAIMED_AT, claimedAt);
        writeToken(doc, token);
        try {
            tokens.insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new UnableToInitializeTokenException("segment " + segment + " of " + processorName + " exists");
            }
            throw e;
        }
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return true;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        if (!checkpoints.mayStore(processorName, segment, token)) {
            // Between a replay's checkpoints the token stays; the claim is kept fresh, but not with a write per batch.
            Long extendedAt = claimWrittenAt.get(id(processorName, segment));
            if (extendedAt == null || clock.millis() - extendedAt >= claimTimeout.toMillis() / 10) {
                extendClaim(processorName, segment);
            }
            return;
        }
        long now = clock.millis();
        Document set = new Document(CLAIMED_AT, now);
        writeToken(set, token);
        requireOwned(tokens.updateOne(owned(processorName, segment), new Document("$set", set)), processorName, segment);
        claimWrittenAt.put(id(processorName, segment), now);
        listeners.forEach(l -> l.tokenStored(processorName, segment, token));
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        Document doc = tokens.find(new Document("_id", id(processorName, segment))).first();
        if (doc == null) {
            throw new UnableToClaimTokenException("no token for segment " + segment + " of " + processorName);
        }
        claim(doc, processorName, segment);
        TrackingToken token = readToken(doc);
        checkpoints.claimed(processorName, segment, token);
        return token;
    }

    /** Claims a segment that is free, ours, or whose owner stopped extending its claim. */
    private void claim(Document doc, String processorName, int segment) {
        String owner = doc.getString(OWNER);
        long claimedAt = doc.get(CLAIMED_AT, Number.class).longValue();
        boolean expired = claimedAt < clock.millis() - claimTimeout.toMillis();
        if (owner != null && !owner.equals(nodeId) && !expired) {
            throw new UnableToClaimTokenException("segment " + segment + " of " + processorName + " is owned by " + owner);
        }
        Bson expected = new Document("_id", id(processorName, segment)).append(OWNER, owner).append(CLAIMED_AT, claimedAt);
        long now = clock.millis();
        UpdateResult r = tokens.updateOne(expected, Updates.combine(Updates.set(OWNER, nodeId), Updates.set(CLAIMED_AT, now)));
        if (r.getMatchedCount() == 0) {
            throw new UnableToClaimTokenException("segment " + segment + " of " + processorName + " was claimed concurrently");
        }
        claimWrittenAt.put(id(processorName, segment), now);
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        long now = clock.millis();
        requireOwned(tokens.updateOne(owned(processorName, segment), Updates.set(CLAIMED_AT, now)), processorName, segment);
        claimWrittenAt.put(id(processorName, segment), now);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        checkpoints.released(processorName, segment);
        tokens.updateOne(owned(processorName, segment), Updates.combine(Updates.set(OWNER, null), Updates.set(CLAIMED_AT, 0L)));
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        checkpoints.released(processorName, segment);
        if (tokens.deleteOne(owned(processorName, segment)).getDeletedCount() == 0) {
            throw new UnableToClaimTokenException("segment " + segment + " of " + processorName + " is not ours to delete");
        }
    }

    @Override
    public int[] fetchSegments(String processorName) {
        // A processor has a handful of segments and the collection a few dozen documents: a scan is cheap.
        return segmentDocs(processorName).stream().mapToInt(d -> d.getInteger(SEGMENT)).sorted().toArray();
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        List<Document> docs = segmentDocs(processorName);
        int[] all = docs.stream().mapToInt(d -> d.getInteger(SEGMENT)).sorted().toArray();
        long expiredBefore = clock.millis() - claimTimeout.toMillis();
        List<Segment> available = new ArrayList<>();
        for (Document d : docs) {
            String owner = d.getString(OWNER);
            if (owner == null || owner.equals(nodeId) || d.get(CLAIMED_AT, Number.class).longValue() < expiredBefore) {
                available.add(Segment.computeSegment(d.getInteger(SEGMENT), all));
            }
        }
        return available;
    }

    /**
     * The stored token of every segment of a processor, whoever holds it, without claiming anything: for progress
     * reports and health, which must not disturb the processors (on any instance).
     */
    public Map<Integer, TrackingToken> peekTokens(String processorName) {
        Map<Integer, TrackingToken> tokensBySegment = new TreeMap<>();
        for (Document d : segmentDocs(processorName)) {
            tokensBySegment.put(d.getInteger(SEGMENT), readToken(d));
        }
        return tokensBySegment;
    }

    private List<Document> segmentDocs(String processorName) {
        return tokens.find(new Document(PROCESSOR, processorName)).batchSize(1000).into(new ArrayList<>());
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        Document doc = tokens.find(new Document("_id", CONFIG_ID)).first();
        if (doc == null) {
            try {
                tokens.insertOne(new Document("_id", CONFIG_ID).append("identifier", UUID.randomUUID().toString()));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            doc = tokens.find(new Document("_id", CONFIG_ID)).first();
        }
        return Optional.ofNullable(doc).map(d -> d.getString("identifier"));
    }

    private Bson owned(String processorName, int segment) {
        return new Document("_id", id(processorName, segment)).append(OWNER, nodeId);
    }

    private static void requireOwned(UpdateResult result, String processorName, int segment) {
        if (result.getMatchedCount() == 0) {
            throw new UnableToClaimTokenException("segment " + segment + " of " + processorName + " is not claimed by this node");
        }
    }

    private void writeToken(Document doc, TrackingToken token) {
        if (token == null) {
            doc.append(TOKEN, null).append(TOKEN_TYPE, null);
            return;
        }
        SerializedObject<String> s = serializer.serialize(token, String.class);
        doc.append(TOKEN, s.getData()).append(TOKEN_TYPE, s.getType().getName());
    }

    private TrackingToken readToken(Document doc) {
        String data = doc.getString(TOKEN);
        if (data == null) {
            return null;
        }
        SerializedType type = new SimpleSerializedType(doc.getString(TOKEN_TYPE), null);
        return serializer.deserialize(new SimpleSerializedObject<>(data, String.class, type));
    }
}
