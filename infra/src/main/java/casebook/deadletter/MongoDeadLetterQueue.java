package casebook.deadletter;

import static casebook.deadletter.LetterDocuments.GROUP;
import static casebook.deadletter.LetterDocuments.ID;
import static casebook.deadletter.LetterDocuments.POSITION;
import static casebook.deadletter.LetterDocuments.SEQUENCE;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.UpdateOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.DeadLetterQueueOverflowException;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.NoSuchDeadLetterException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.WrongDeadLetterTypeException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's sequenced dead-letter queue for one processing group, on MongoDB. A sequence is one case (Axon's
 * per-aggregate sequencing): once an event of a case fails, the case's later events are parked behind it, so its
 * read model stays at a consistent point while every other case goes on.
 *
 * <p>Two collections, both read by {@code _id} only on the processor's path (the embedded server scans for anything
 * else): {@code dead_letters} holds one document per letter, {@code _id = group:position}, where position is the
 * event's place in the event log; {@code dead_letter_sequences} holds one small document per parked case, {@code _id
 * = group:caseId}, listing the positions of its letters and who is retrying it. A letter is written before its
 * position is listed and deleted before its position is removed, so a listed position without a letter can only
 * be an eviction cut short, and is dropped. Offering the same event again (a redelivered batch) changes nothing,
 * because the letter's id is fixed by its position; and a sequence is worked in position order, which is the
 * case's own order even when a redelivered batch parked an earlier event after a later one. The collection of
 * sequences is scanned only to list, count or retry, and holds only the cases parked right now.
 *
 * <p>A retry claims the sequence for a while ({@code claimedUntil}), so two nodes or two administrators never work
 * the same case at once; a claim left by a crashed node simply runs out.
 */
public class MongoDeadLetterQueue implements SequencedDeadLetterQueue<EventMessage<?>> {

    public static final String LETTERS = "dead_letters";
    public static final String SEQUENCES = "dead_letter_sequences";
    private static final String POSITIONS = "positions";
    private static final String CLAIMED_UNTIL = "claimedUntil";
    private static final String CLAIMED_BY = "claimedBy";

    private static final Logger log = LoggerFactory.getLogger(MongoDeadLetterQueue.class);

    /** Limits, past which the processor stops (and retries) rather than drop an event; and how long a claim lasts. */
    public record Settings(int maxSequences, int maxSequenceSize, Duration claimDuration) {
        public static final Settings DEFAULT = new Settings(1024, 1024, Duration.ofSeconds(30));
    }

    private final String group;
    private final MongoCollection<Document> letters;
    private final MongoCollection<Document> sequences;
    private final Serializer serializer;
    private final Clock clock;
    private final String node;
    private final Settings settings;

    public MongoDeadLetterQueue(MongoDatabase db, String group, Serializer serializer, Clock clock, String node,
                                Settings settings) {
        this.group = group;
        this.letters = db.getCollection(LETTERS);
        this.sequences = db.getCollection(SEQUENCES);
        this.serializer = serializer;
        this.clock = clock;
        this.node = node;
        this.settings = settings;
    }

    /** The unique {_id, claimedUntil} index serves the conditional update that claims a sequence. */
    public static void ensureIndexes(MongoDatabase db) {
        db.getCollection(SEQUENCES).createIndex(new Document(ID, 1).append(CLAIMED_UNTIL, 1),
                new IndexOptions().unique(true));
    }

    public String group() {
        return group;
    }

    // ------------------------------------------------------------------------------------------ enqueueing

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter) {
        String sequence = sequenceOf(sequenceIdentifier);
        Document head = head(sequence);
        boolean full = head == null ? amountOfSequences() >= settings.maxSequences()
                : positions(head).size() >= settings.maxSequenceSize();
        if (full) {
            throw new DeadLetterQueueOverflowException(sequenceIdentifier);
        }
        append(sequence, letter);
    }

    /** One look-up by _id per event that the processor's cache cannot rule out. */
    @Override
    public boolean enqueueIfPresent(Object sequenceIdentifier,
                                    Supplier<DeadLetter<? extends EventMessage<?>>> letterBuilder) {
        String sequence = sequenceOf(sequenceIdentifier);
        Document head = head(sequence);
        if (head == null) {
            return false;
        }
        if (positions(head).size() >= settings.maxSequenceSize()) {
            throw new DeadLetterQueueOverflowException(sequenceIdentifier);
        }
        append(sequence, letterBuilder.get());
        return true;
    }

    private void append(String sequence, DeadLetter<? extends EventMessage<?>> letter) {
        Document doc = LetterDocuments.toDocument(group, sequence, letter, serializer);
        try {
            letters.insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            log.debug("dead letter {} was already enqueued (a redelivered batch)", doc.get(ID));
        }
        Document list = new Document("$addToSet", new Document(POSITIONS, doc.getLong(POSITION)))
                .append("$setOnInsert", new Document(GROUP, group).append(SEQUENCE, sequence));
        try {
            sequences.updateOne(new Document(ID, headId(sequence)), list, new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Two upserts raced to create the sequence; now it exists, so the update finds it.
            sequences.updateOne(new Document(ID, headId(sequence)), list);
        }
    }

    // ------------------------------------------------------------------------------------------ evicting and requeueing

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        MongoDeadLetter stored = stored(letter);
        letters.deleteOne(new Document(ID, LetterDocuments.id(group, stored.position())));
        unlist(stored.sequence(), stored.position());
    }

    /** Removes a position from its sequence, and the sequence once it is empty (an append racing with this keeps it). */
    private void unlist(String sequence, long position) {
        sequences.updateOne(new Document(ID, headId(sequence)), new Document("$pull", new Document(POSITIONS, position)));
        sequences.deleteOne(new Document(ID, headId(sequence)).append(POSITIONS, new Document("$size", 0)));
    }

    /** A failed retry: the letter keeps its place, with the new cause and diagnostics and one more failed retry. */
    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater)
            throws NoSuchDeadLetterException {
        MongoDeadLetter stored = stored(letter);
        DeadLetter<? extends EventMessage<?>> updated = letterUpdater.apply(stored.markTouched());
        Document set = LetterDocuments.appendCause(new Document(), updated.cause().orElse(null))
                .append(LetterDocuments.LAST_TOUCHED, Date.from(updated.lastTouched()))
                .append(LetterDocuments.DIAGNOSTICS, serializer.serialize(updated.diagnostics(), String.class).getData());
        long matched = letters.updateOne(new Document(ID, LetterDocuments.id(group, stored.position())),
                new Document("$set", set).append("$inc", new Document(LetterDocuments.RETRIES, 1))).getMatchedCount();
        if (matched == 0) {
            throw new NoSuchDeadLetterException("no dead letter at position " + stored.position() + " in " + group);
        }
    }

    private MongoDeadLetter stored(DeadLetter<? extends EventMessage<?>> letter) {
        if (letter instanceof MongoDeadLetter stored && stored.group().equals(group)) {
            return stored;
        }
        throw new WrongDeadLetterTypeException("expected a dead letter of this queue (" + group + "), got " + letter);
    }

    // ------------------------------------------------------------------------------------------ reading

    @Override
    public boolean contains(Object sequenceIdentifier) {
        return head(sequenceOf(sequenceIdentifier)) != null;
    }

    /** The case's letters in their order; empty if the case is not parked. */
    @Override
    public List<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequenceIdentifier) {
        return new ArrayList<>(lettersOf(head(sequenceOf(sequenceIdentifier))));
    }

    @Override
    public List<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        List<Iterable<DeadLetter<? extends EventMessage<?>>>> all = new ArrayList<>();
        for (Document head : heads()) {
            all.add(new ArrayList<>(lettersOf(head)));
        }
        return all;
    }

    /** The letter at a position, if this group has one there. */
    public Optional<MongoDeadLetter> letter(long position) {
        Document doc = letters.find(new Document(ID, LetterDocuments.id(group, position))).first();
        return Optional.ofNullable(doc).map(d -> LetterDocuments.toLetter(d, serializer, clock));
    }

    /** The letter at a position as an administrator sees it, without reading its payload. */
    public Optional<DeadLetterSummary> summary(long position) {
        Document doc = letters.find(new Document(ID, LetterDocuments.id(group, position))).first();
        return Optional.ofNullable(doc).map(DeadLetterSummary::of);
    }

    /** Up to {@code limit} letters, case by case in their order, read without deserializing any payload. */
    public List<DeadLetterSummary> summaries(int limit) {
        List<DeadLetterSummary> summaries = new ArrayList<>();
        for (Document head : heads()) {
            for (Document doc : letterDocuments(head)) {
                if (summaries.size() >= limit) {
                    return summaries;
                }
                summaries.add(DeadLetterSummary.of(doc));
            }
        }
        return summaries;
    }

    /** The parked cases, by id. */
    public List<String> sequenceIds() {
        return heads().stream().map(h -> h.getString(SEQUENCE)).toList();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        Document head = head(sequenceOf(sequenceIdentifier));
        return head == null ? amountOfSequences() >= settings.maxSequences()
                : positions(head).size() >= settings.maxSequenceSize();
    }

    @Override
    public long size() {
        return heads().stream().mapToLong(h -> positions(h).size()).sum();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        Document head = head(sequenceOf(sequenceIdentifier));
        return head == null ? 0 : positions(head).size();
    }

    @Override
    public long amountOfSequences() {
        return sequences.countDocuments(new Document(GROUP, group));
    }

    @Override
    public void clear() {
        letters.deleteMany(new Document(GROUP, group));
        sequences.deleteMany(new Document(GROUP, group));
    }

    // ------------------------------------------------------------------------------------------ processing

    /**
     * Works one sequence: of the unclaimed ones whose first letter passes the filter, the one touched longest ago
     * (so repeated calls take turns). Its letters go to the task in order; each that succeeds is evicted, and the
     * first that fails is requeued and ends the turn. True if the whole sequence was worked off.
     */
    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> processingTask) {
        Instant now = clock.instant();
        List<Candidate> candidates = new ArrayList<>();
        for (Document head : heads()) {
            Date claimedUntil = head.getDate(CLAIMED_UNTIL);
            if (claimedUntil != null && claimedUntil.toInstant().isAfter(now)) {
                continue;
            }
            MongoDeadLetter first = first(head.getString(SEQUENCE));
            if (first != null && sequenceFilter.test(first)) {
                candidates.add(new Candidate(head, first));
            }
        }
        candidates.sort(Comparator.comparing(c -> c.first().lastTouched()));
        for (Candidate candidate : candidates) {
            if (claim(candidate.head())) {
                return work(candidate.first().sequence(), processingTask);
            }
        }
        return false;
    }

    private record Candidate(Document head, MongoDeadLetter first) {
    }

    /** Read again once claimed: another node may have worked the sequence since it was looked at. */
    private boolean work(String sequence,
                         Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> task) {
        try {
            MongoDeadLetter letter = first(sequence);
            while (letter != null) {
                EnqueueDecision<EventMessage<?>> decision = task.apply(letter);
                if (decision.shouldEnqueue()) {
                    requeue(letter, l -> decision.withDiagnostics(l).withCause(decision.enqueueCause().orElse(null)));
                    return false;
                }
                evict(letter);
                extendClaim(sequence);
                letter = first(sequence);
            }
            return true;
        } finally {
            release(sequence);
        }
    }

    /** Takes the sequence if nobody holds it: a conditional update on the claim as it was read. */
    private boolean claim(Document head) {
        Document filter = new Document(ID, head.getString(ID)).append(CLAIMED_UNTIL, head.getDate(CLAIMED_UNTIL));
        Document set = new Document(CLAIMED_UNTIL, Date.from(clock.instant().plus(settings.claimDuration())))
                .append(CLAIMED_BY, node);
        return sequences.updateOne(filter, new Document("$set", set)).getModifiedCount() == 1;
    }

    private void extendClaim(String sequence) {
        sequences.updateOne(new Document(ID, headId(sequence)), new Document("$set", new Document(CLAIMED_UNTIL,
                Date.from(clock.instant().plus(settings.claimDuration()))).append(CLAIMED_BY, node)));
    }

    private void release(String sequence) {
        sequences.updateOne(new Document(ID, headId(sequence)), new Document("$set",
                new Document(CLAIMED_UNTIL, null).append(CLAIMED_BY, null)));
    }

    /** The sequence's first letter; a listed position whose letter is gone (an eviction cut short) is dropped. */
    private MongoDeadLetter first(String sequence) {
        while (true) {
            Document head = head(sequence);
            if (head == null || positions(head).isEmpty()) {
                return null;
            }
            long position = positions(head).stream().mapToLong(Long::longValue).min().orElseThrow();
            Document doc = letters.find(new Document(ID, LetterDocuments.id(group, position))).first();
            if (doc != null) {
                return LetterDocuments.toLetter(doc, serializer, clock);
            }
            log.warn("dead-letter sequence {} of {} listed position {} without a letter; dropped", sequence, group,
                    position);
            unlist(sequence, position);
        }
    }

    // ------------------------------------------------------------------------------------------ documents

    private Document head(String sequence) {
        return sequences.find(new Document(ID, headId(sequence))).first();
    }

    /** Every parked case of this group: a scan, but of a collection that holds only the cases parked right now. */
    private List<Document> heads() {
        List<Document> heads = new ArrayList<>();
        sequences.find(new Document(GROUP, group)).into(heads);
        heads.sort(Comparator.comparing(h -> h.getString(SEQUENCE)));
        return heads;
    }

    private List<MongoDeadLetter> lettersOf(Document head) {
        return letterDocuments(head).stream().map(d -> LetterDocuments.toLetter(d, serializer, clock)).toList();
    }

    /** The letters of one sequence in position order, by _id. */
    private List<Document> letterDocuments(Document head) {
        if (head == null) {
            return List.of();
        }
        List<String> ids = positions(head).stream().sorted().map(p -> LetterDocuments.id(group, p)).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Document> found = new ArrayList<>();
        letters.find(new Document(ID, new Document("$in", ids))).batchSize(100).into(found);
        found.sort(Comparator.comparing(d -> d.getLong(POSITION)));
        return found;
    }

    private static List<Long> positions(Document head) {
        List<?> raw = head.get(POSITIONS, List.class);
        if (raw == null) {
            return List.of();
        }
        return raw.stream().map(p -> ((Number) p).longValue()).toList();
    }

    private String headId(String sequence) {
        return group + ":" + sequence;
    }

    /** Per-aggregate sequencing gives the case id; anything else is named by its text. */
    static String sequenceOf(Object sequenceIdentifier) {
        return String.valueOf(sequenceIdentifier);
    }
}
