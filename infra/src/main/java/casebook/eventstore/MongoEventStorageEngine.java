package casebook.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * Axon's event storage on the plain MongoDB driver, designed so that every hot read is an index
 * look-up on both real MongoDB and the embedded server (which scans the whole collection for any range
 * query or sort):
 * <ul>
 *   <li>append: one counter update for the global sequence and one insert; the unique stream key makes
 *       the second of two writers at the same version fail, which Axon reports as a conflict;</li>
 *   <li>aggregate load: {@code $in} over the stream keys of the next sequence numbers;</li>
 *   <li>streaming: {@code $in} over the next global sequence numbers and the token's gaps.</li>
 * </ul>
 * See docs/adr/0002-event-store-on-the-mongodb-driver.md for the measurements behind this.
 */
public class MongoEventStorageEngine extends BatchingEventStorageEngine {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MongoEventStorageEngine.class);

    static final String EVENTS = "events";
    static final String SNAPSHOTS = "snapshots";
    static final String SNAPSHOT_HEADS = "snapshot_heads";
    static final String COUNTERS = "counters";

    /** A global sequence number still missing this long after later ones were stored is given up. */
    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_GAP_OFFSET = 10_000;
    /** $in costs grow with the square of the list on the embedded server: keep lists short. */
    private static final int MAX_IN_LIST = 100;
    /**
     * Events per fetch of the processors' streams (several $in lists of {@link #MAX_IN_LIST}). Axon's work packages
     * take whatever their queue holds when they run, so a processor catching up sees batches no larger than a
     * fetch split over its segments: a window of 100 made a rebuild's batches about 25 events each, and every
     * batch costs a token write, a read of its cases and a write of each changed case (ADR 0019).
     */
    static final int STREAM_WINDOW = 1_000;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final MongoCollection<Document> snapshotHeads;
    private final GlobalSequence sequence;
    private final int streamWindow;
    private final Durability durability;
    private final Clock clock;
    private final ChainHeads heads;
    private final CaseHeadDigests digests;
    private final ChainVerifier verifier;
    private final MeterRegistry meters;
    private final Timer appendTimer;
    private final Map<String, Counter> appended = new ConcurrentHashMap<>();
    private final SharedReplay replay;

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        MongoDatabase db = builder.database;
        this.events = db.getCollection(EVENTS);
        this.snapshots = db.getCollection(SNAPSHOTS);
        this.snapshotHeads = db.getCollection(SNAPSHOT_HEADS);
        this.durability = builder.durability;
        this.clock = builder.clock;
        events.createIndex(new Document(EventDocuments.STREAM_KEY, 1), new IndexOptions().unique(true).name("stream_key"));
        this.sequence = new GlobalSequence(db.getCollection(COUNTERS));
        this.heads = new ChainHeads(events);
        EventLogReader log = new EventLogReader(events, sequence);
        this.digests = new CaseHeadDigests(db.getCollection(CaseHeadDigests.COLLECTION), log, clock);
        this.verifier = new ChainVerifier(log, digests);
        this.meters = builder.meters;
        // Sequence allocation, insert and durability together: what an append costs a command (docs/PERFORMANCE.md).
        this.appendTimer = Timer.builder("casebook.events.append").description("Appending a command's events: "
                + "global sequence, insert, durable flush").register(meters);
        this.streamWindow = builder.streamWindow;
        this.replay = new SharedReplay(Math.max(1, builder.sharedReplayEvents / streamWindow), meters);
    }

    /** Re-computes the hash chains: of one case, or (null) of the whole store with its case-head digests. */
    public ChainReport verify(String caseId) {
        return verify(caseId, n -> { });
    }

    /**
     * As {@link #verify(String)}, telling {@code progress} how many events of the whole store were read so far
     * (a whole-store verify reads every event: minutes on a large store). Timed as {@code casebook.audit.verify}.
     */
    public ChainReport verify(String caseId, LongConsumer progress) {
        Timer.Sample sample = Timer.start(meters);
        String result = "error";
        try {
            ChainReport report = caseId == null ? verifier.verifyAll(progress) : verifier.verifyCase(caseId);
            result = report.ok() ? "ok" : "failures";
            return report;
        } finally {
            sample.stop(Timer.builder("casebook.audit.verify").description("Re-computing hash chains and digests")
                    .tag("scope", caseId == null ? "store" : "case").tag("result", result).register(meters));
        }
    }

    /** The highest global sequence number handed out: the head that exports work towards. */
    public long head() {
        return sequence.head();
    }

    /** Look-ups below the counter before {@link #lastStored} gives up and answers the counter itself. */
    private static final int LAST_STORED_PROBES = 1_000;

    /**
     * The number of the last stored event (or tombstone): the head that processors can reach. The counter may be
     * ahead of it by numbers handed out to appends still in flight, and by numbers whose append a crash (kill -9)
     * interrupted after another writer's commit had made the counter durable; neither is an event, no token passes
     * it, and a rebuild or a lag measured against the counter would wait for the next append. Found by equality
     * look-ups downwards from the counter (usually one), never by a sort.
     */
    public long lastStored() {
        long head = sequence.head();
        for (long g = head; g > 0 && g > head - LAST_STORED_PROBES; g--) {
            if (events.find(new Document(EventDocuments.ID, g)).projection(new Document(EventDocuments.ID, 1))
                      .limit(1).first() != null) {
                return g;
            }
        }
        return head <= LAST_STORED_PROBES ? 0 : head;
    }

    /**
     * When the first stored event after {@code position} was recorded (the oldest event a processor at that
     * position has not handled yet), or empty if none is stored in the next few numbers.
     */
    public Optional<Instant> firstRecordedAfter(long position) {
        List<Long> next = new ArrayList<>();
        for (long g = position + 1; g <= position + 10; g++) {
            next.add(g);
        }
        Instant first = null;
        for (Document d : events.find(new Document(EventDocuments.ID, new Document("$in", next)))
                                .projection(new Document(EventDocuments.TIMESTAMP, 1)).batchSize(next.size())) {
            Instant at = Instant.parse(d.getString(EventDocuments.TIMESTAMP));
            first = first == null || at.isBefore(first) ? at : first;
        }
        return Optional.ofNullable(first);
    }

    /**
     * Streams the whole log in global order: every stored event document as it is (tombstones included, so
     * global positions survive a restore), then the case-head digests.
     */
    public void exportLog(java.util.function.Consumer<Document> eventDocument, java.util.function.Consumer<Document> digest) {
        new EventLogReader(events, sequence).read(0, sequence.head(), eventDocument);
        digests.all().forEach(digest);
    }

    /** Chains a digest of the case heads that moved since the last one; -1 if none moved. */
    public long digestCaseHeads() {
        return digests.digest();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> toAppend, Serializer serializer) {
        if (toAppend.isEmpty()) {
            return;
        }
        appendTimer.record(() -> appendTimed(toAppend, serializer));
        // Counted once durable, by aggregate type (a handful of values): the event append rate of the dashboards.
        for (EventMessage<?> event : toAppend) {
            String type = event instanceof DomainEventMessage<?> d && d.getType() != null ? d.getType() : "none";
            appended.computeIfAbsent(type, t -> Counter.builder("casebook.events.appended")
                    .description("Events stored (tombstones not included)").tag("aggregate", t).register(meters)).increment();
        }
    }

    private void appendTimed(List<? extends EventMessage<?>> toAppend, Serializer serializer) {
        int done = 0;
        while (done < toAppend.size()) {
            List<? extends EventMessage<?>> rest = toAppend.subList(done, toAppend.size());
            long first = sequence.allocate(rest.size());
            List<Document> docs = new ArrayList<>(rest.size());
            for (int i = 0; i < rest.size(); i++) {
                EventMessage<?> event = rest.get(i);
                String prevHash = null;
                if (event instanceof DomainEventMessage<?> d && d.getAggregateIdentifier() != null) {
                    prevHash = i > 0 && docs.get(i - 1).getString(EventDocuments.AGGREGATE_ID) != null
                            && d.getAggregateIdentifier().equals(docs.get(i - 1).getString(EventDocuments.AGGREGATE_ID))
                            ? docs.get(i - 1).getString(EventDocuments.HASH)
                            : heads.previousHash(d.getAggregateIdentifier(), d.getSequenceNumber());
                }
                docs.add(EventDocuments.toDocument(first + i, event, serializer, prevHash));
            }
            int inserted = insertOrdered(docs);
            if (inserted == docs.size()) {
                recordReceipt(rest.get(rest.size() - 1), first + rest.size() - 1);
                docs.forEach(heads::remember);
                break;
            }
            Document refused = docs.get(inserted);
            boolean conflict = isStreamKeyConflict(refused);
            // Numbers we allocated but will not use become tombstones, so readers do not wait on them.
            for (int i = inserted; i < docs.size(); i++) {
                if (!conflict && i == inserted) {
                    continue; // a duplicate global number belongs to someone else's event
                }
                insertTombstone(first + i, serializer);
            }
            if (conflict) {
                durability.flush();
                EventMessage<?> event = rest.get(inserted);
                String aggregate = event instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : "?";
                long seq = event instanceof DomainEventMessage<?> d ? d.getSequenceNumber() : -1;
                throw new ConcurrencyException("An event for aggregate [" + aggregate + "] at sequence [" + seq
                        + "] was already inserted");
            }
            done += inserted; // the allocator handed out a taken number: allocate again for the rest
        }
        durability.flush();
    }

    private static void recordReceipt(EventMessage<?> last, long globalSequence) {
        if (last instanceof DomainEventMessage<?> d && d.getAggregateIdentifier() != null) {
            AppendReceipt.record(new AppendReceipt(d.getAggregateIdentifier(), d.getSequenceNumber(), globalSequence));
        }
    }

    /** Inserts in order and returns how many went in before the first refusal. */
    private int insertOrdered(List<Document> docs) {
        try {
            if (docs.size() == 1) {
                events.insertOne(docs.get(0));
            } else {
                events.insertMany(docs, new InsertManyOptions().ordered(true));
            }
            return docs.size();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return 0;
        } catch (MongoBulkWriteException e) {
            // Trust the error's index, not the reported count (measured: the count can be wrong).
            BulkWriteError error = e.getWriteErrors().get(0);
            if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return error.getIndex();
        }
    }

    private boolean isStreamKeyConflict(Document refused) {
        String key = refused.getString(EventDocuments.STREAM_KEY);
        return events.find(new Document(EventDocuments.STREAM_KEY, key)).first() != null;
    }

    private void insertTombstone(long globalSequence, Serializer serializer) {
        try {
            events.insertOne(EventDocuments.tombstone(globalSequence, serializer));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
                                                                    int batchSize) {
        return caseDocuments(aggregateIdentifier, firstSequenceNumber, batchSize).stream()
                .map(EventDocuments::toEventData).toList();
    }

    /**
     * One case's stored events from {@code firstSeq} on, each with its place in the case's hash chain, upcast and
     * deserialised as any read of the case is: what the audit trail and the as-of replay read (ADR 0014). Read by
     * the unique stream key, a batch at a time; a look for newer events (a {@code firstSeq} above 0) asks for one key
     * first, as it usually finds nothing.
     */
    public List<ChainedEvent> caseEvents(String caseId, long firstSeq) {
        List<ChainedEvent> result = new ArrayList<>();
        long from = firstSeq;
        int size = firstSeq > 0 ? 1 : MAX_IN_LIST;
        while (true) {
            List<Document> found = caseDocuments(caseId, from, size);
            if (found.isEmpty()) {
                return result;
            }
            Map<Long, Document> bySeq = new HashMap<>();
            found.forEach(d -> bySeq.put(d.get(EventDocuments.SEQ, Number.class).longValue(), d));
            EventStreamUtils.upcastAndDeserializeDomainEvents(found.stream().map(EventDocuments::toEventData),
                    getEventSerializer(), upcasterChain).asStream().forEach(m -> {
                Document d = bySeq.get(m.getSequenceNumber());
                result.add(new ChainedEvent(m, d == null ? null : d.getString(EventDocuments.HASH),
                        d == null ? null : d.getString(EventDocuments.PREV_HASH)));
            });
            if (found.size() < size) {
                return result;
            }
            from = found.get(found.size() - 1).get(EventDocuments.SEQ, Number.class).longValue() + 1;
            size = MAX_IN_LIST;
        }
    }

    /** A case's event documents from {@code first} on, at most {@code size}, in order and stopping at any hole. */
    private List<Document> caseDocuments(String aggregateIdentifier, long first, int batchSize) {
        int size = Math.min(batchSize, MAX_IN_LIST);
        List<String> keys = new ArrayList<>(size);
        for (long s = first; s < first + size; s++) {
            keys.add(EventDocuments.streamKey(aggregateIdentifier, s));
        }
        List<Document> found = size == 1
                ? events.find(new Document(EventDocuments.STREAM_KEY, keys.get(0))).limit(1).into(new ArrayList<>())
                : events.find(new Document(EventDocuments.STREAM_KEY, new Document("$in", keys)))
                        .batchSize(size).into(new ArrayList<>());
        found.sort(Comparator.comparingLong(d -> d.get(EventDocuments.SEQ, Number.class).longValue()));
        List<Document> result = new ArrayList<>(found.size());
        long expected = first;
        for (Document d : found) {
            if (d.get(EventDocuments.SEQ, Number.class).longValue() != expected++) {
                break; // an aggregate's stream has no holes; stop at one rather than skip an event
            }
            result.add(d);
        }
        return result;
    }

    /**
     * A case's events are read one $in list at a time, and Axon stops reading a case at the first batch shorter than
     * this: the two must be the same size.
     */
    @Override
    public int batchSize() {
        return Math.min(super.batchSize(), MAX_IN_LIST);
    }

    /**
     * The processors' streams: batches after a token, each read and deserialised once for all the processors that
     * replay the same part of the log (a rebuild), see {@link SharedReplay}. Events are upcast and deserialised as
     * Axon's own streams do; payloads are deserialised on first use.
     */
    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return replay.stream(trackingToken, this::fetchBatch);
    }

    private SharedReplay.Batch fetchBatch(TrackingToken lastToken) {
        Window window = fetchWindow(lastToken, streamWindow);
        List<TrackedEventMessage<?>> messages = EventUtils.upcastAndDeserializeTrackedEvents(window.events().stream(),
                getEventSerializer(), upcasterChain).toList();
        TrackingToken last = window.events().isEmpty() ? lastToken
                : window.events().get(window.events().size() - 1).trackingToken();
        return new SharedReplay.Batch(messages, last, window.events().size(), window.settled());
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return fetchWindow(lastToken, batchSize).events();
    }

    /**
     * The events after a token, with whether they are settled: a full window of consecutive positions after a
     * token without gaps, which every later read after that token finds the same.
     */
    private record Window(List<TrackedEventData<?>> events, boolean settled) {
    }

    private Window fetchWindow(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken token = lastToken == null ? null : (GapAwareTrackingToken) lastToken;
        long index = token == null ? 0 : token.getIndex();
        SortedSet<Long> gaps = token == null ? new TreeSet<>() : token.getGaps();
        long head = sequence.head();
        int window = batchSize;
        long upTo = Math.min(head, index + window);
        List<Long> wanted = new ArrayList<>(gaps);
        for (long g = index + 1; g <= upTo; g++) {
            wanted.add(g);
        }
        if (wanted.isEmpty()) {
            return new Window(List.of(), false);
        }
        List<Document> found = new ArrayList<>(wanted.size());
        for (int from = 0; from < wanted.size(); from += MAX_IN_LIST) {
            List<Long> chunk = wanted.subList(from, Math.min(wanted.size(), from + MAX_IN_LIST));
            events.find(new Document(EventDocuments.ID, new Document("$in", chunk))).batchSize(chunk.size()).into(found);
        }
        found.sort(Comparator.comparingLong(EventDocuments::globalSequence));
        boolean settled = gaps.isEmpty() && upTo - index == window && found.size() == window;
        return new Window(track(token, found), settled);
    }

    /** Gives each found event the token that covers it, dropping gaps that will never be filled. */
    private List<TrackedEventData<?>> track(GapAwareTrackingToken token, List<Document> found) {
        List<TrackedEventData<?>> result = new ArrayList<>(found.size());
        GapAwareTrackingToken current = token == null ? null : withoutStaleGaps(token, found);
        for (Document doc : found) {
            long g = EventDocuments.globalSequence(doc);
            current = current == null
                    ? GapAwareTrackingToken.newInstance(g, gapsBelow(g, 1))
                    : current.advanceTo(g, MAX_GAP_OFFSET);
            result.add(new TrackedDomainEventData<>(current, EventDocuments.toEventData(doc)));
        }
        return result;
    }

    /**
     * A gap is an allocated number whose event is not (yet) stored: in flight, or lost with a crashed
     * writer. Once the event just after it is older than the timeout, the writer is gone: stop waiting.
     */
    private GapAwareTrackingToken withoutStaleGaps(GapAwareTrackingToken token, List<Document> found) {
        if (!token.hasGaps()) {
            return token;
        }
        List<Long> filled = found.stream().map(EventDocuments::globalSequence).toList();
        List<Long> probes = token.getGaps().stream().filter(g -> !filled.contains(g)).map(g -> g + 1)
                                 .limit(MAX_IN_LIST).toList();
        if (probes.isEmpty()) {
            return token;
        }
        Instant giveUpBefore = clock.instant().minus(GAP_TIMEOUT);
        List<Long> stale = new ArrayList<>();
        for (Document next : events.find(new Document(EventDocuments.ID, new Document("$in", probes)))
                                   .batchSize(probes.size())) {
            if (Instant.parse(next.getString(EventDocuments.TIMESTAMP)).isBefore(giveUpBefore)) {
                stale.add(EventDocuments.globalSequence(next) - 1);
            }
        }
        if (stale.isEmpty()) {
            return token;
        }
        List<Long> kept = token.getGaps().stream().filter(g -> !stale.contains(g)).toList();
        return GapAwareTrackingToken.newInstance(token.getIndex(), kept);
    }

    private static List<Long> gapsBelow(long g, long from) {
        List<Long> gaps = new ArrayList<>();
        for (long i = from; i < g; i++) {
            gaps.add(i);
        }
        return gaps;
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document doc = EventDocuments.toDocument(0, snapshot, serializer);
        String id = EventDocuments.streamKey(snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber());
        doc.put(EventDocuments.ID, id);
        doc.remove(EventDocuments.STREAM_KEY);
        // Snapshot documents are immutable; only the one-field head moves, so a torn read cannot mix two.
        snapshots.replaceOne(new Document(EventDocuments.ID, id), doc,
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
        snapshotHeads.replaceOne(new Document(EventDocuments.ID, snapshot.getAggregateIdentifier()),
                new Document(EventDocuments.ID, snapshot.getAggregateIdentifier()).append(EventDocuments.SEQ,
                        snapshot.getSequenceNumber()), new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document head = snapshotHeads.find(new Document(EventDocuments.ID, aggregateIdentifier)).first();
        if (head == null) {
            return Stream.empty();
        }
        String id = EventDocuments.streamKey(aggregateIdentifier, head.get(EventDocuments.SEQ, Number.class).longValue());
        Document snapshot = snapshots.find(new Document(EventDocuments.ID, id)).first();
        return snapshot == null ? Stream.empty() : Stream.of(EventDocuments.toEventData(snapshot));
    }

    /**
     * A snapshot is a cache: one that no longer reads (say, after the aggregate's fields changed) is
     * skipped and the case is loaded from its events, which stay authoritative.
     */
    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return super.readSnapshot(aggregateIdentifier).filter(snapshot -> {
            try {
                snapshot.getPayload();
                return true;
            } catch (RuntimeException e) {
                log.warn("ignoring unreadable snapshot of {} at {}: {}", aggregateIdentifier, snapshot.getSequenceNumber(),
                        e.getMessage());
                return false;
            }
        });
    }

    /**
     * The payload (JSON) of the case's opening event, empty if no event of the case is stored: one look-up by the
     * unique stream key, answered at once whatever the projections have reached.
     */
    public Optional<String> openingPayload(String caseId) {
        Document opening = events.find(new Document(EventDocuments.STREAM_KEY, EventDocuments.streamKey(caseId, 0)))
                .projection(new Document(EventDocuments.PAYLOAD, 1)).first();
        return opening == null ? Optional.empty() : Optional.of(String.valueOf(opening.get(EventDocuments.PAYLOAD)));
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        long last = -1;
        long from = 0;
        while (true) {
            List<? extends DomainEventData<?>> batch = fetchDomainEvents(aggregateIdentifier, from, MAX_IN_LIST);
            if (batch.isEmpty()) {
                break;
            }
            last = batch.get(batch.size() - 1).getSequenceNumber();
            if (batch.size() < MAX_IN_LIST) {
                break;
            }
            from = last + 1;
        }
        return last < 0 ? Optional.empty() : Optional.of(last);
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        return GapAwareTrackingToken.newInstance(sequence.head(), List.of());
    }

    /** The number of events stored, for benchmarks and progress reports (metadata, not a scan). */
    public long estimatedCount() {
        return events.estimatedDocumentCount();
    }

    public static class Builder extends BatchingEventStorageEngine.Builder {
        private MongoDatabase database;
        private Durability durability = Durability.WRITE_CONCERN;
        private Clock clock = Clock.systemUTC();
        /** No registry given (tools such as the offline verifier): an empty composite, whose meters do nothing. */
        private MeterRegistry meters = new CompositeMeterRegistry();
        /** 10,000 events: the spread between the processors of a rebuild, measured at 100k events. */
        private int sharedReplayEvents = 10_000;
        private int streamWindow = STREAM_WINDOW;

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder durability(Durability durability) {
            this.durability = durability;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * How many events of settled batches of the log are kept for the processors that replay them next (whole
         * batches of {@link #streamWindow}, at least one).
         */
        public Builder sharedReplayEvents(int events) {
            this.sharedReplayEvents = events;
            return this;
        }

        /** How many events the processors' streams fetch at a time (the largest batch a catching-up processor sees). */
        public Builder streamWindow(int events) {
            if (events < 1) {
                throw new AxonConfigurationException("streamWindow must be positive");
            }
            this.streamWindow = events;
            return this;
        }

        public Builder meterRegistry(MeterRegistry meters) {
            this.meters = meters;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder snapshotFilter(SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            if (database == null) {
                throw new AxonConfigurationException("a MongoDatabase is required");
            }
        }

        public MongoEventStorageEngine build() {
            validate();
            return new MongoEventStorageEngine(this);
        }
    }
}
