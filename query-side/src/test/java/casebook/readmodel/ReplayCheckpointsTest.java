package casebook.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cases kept between a replay's batches, and the checkpoints that bound them: over a map standing in for the
 * collection, with batches run as a pooled processor runs them (segment resource, {@link EndOfBatch} around each
 * event, a failed handler set aside as the dead-letter queue does).
 */
class ReplayCheckpointsTest {

    private static final String PROCESSOR = "casebook.test";
    private static final long HEAD = 1_000;
    private static final TrackingToken AT_RESET = new GlobalSequenceTrackingToken(HEAD);

    /** A case is the list of the positions applied to it; the "database" maps ids to what was last written. */
    static final class Recorded extends CasesOfABatch<List<Long>, Document> {
        private final Map<String, List<Long>> database;
        private final List<List<String>> writes;
        private final List<String> reads;
        private final int capacity;

        Recorded(Map<String, List<Long>> database, List<List<String>> writes, List<String> reads, int capacity) {
            this.reads = reads;
            this.database = database;
            this.writes = writes;
            this.capacity = capacity;
        }

        @Override
        protected int keptWhileReplaying() {
            return capacity;
        }

        @Override
        protected List<Long> read(String id) {
            reads.add(id);
            List<Long> stored = database.get(id);
            return stored == null ? null : new ArrayList<>(stored);
        }

        @Override
        protected Map<String, Document> fetchAll(List<String> ids) {
            return Map.of();
        }

        @Override
        protected List<Long> decode(Document document) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected List<Long> empty() {
            return new ArrayList<>();
        }

        @Override
        protected void write(List<Long> stored) {
            throw new UnsupportedOperationException("written in bulk only");
        }

        @Override
        protected void writeAll(List<List<Long>> all) {
            List<String> ids = new ArrayList<>();
            for (List<Long> stored : all) {
                String id = "case-" + (stored.get(0) % 10);
                database.put(id, List.copyOf(stored));
                ids.add(id);
            }
            writes.add(ids);
        }
    }

    private final Map<String, List<Long>> database = new HashMap<>();
    private final List<List<String>> writes = new ArrayList<>();
    private final List<Long> deadLettered = new ArrayList<>();
    private final List<String> reads = new ArrayList<>();
    private ReplayCheckpoints checkpoints;
    private int capacity = 100;

    @BeforeEach
    void checkpointsEveryHundredPositions() {
        checkpoints = new ReplayCheckpoints(100);
        checkpoints.claimed(PROCESSOR, 0, ReplayToken.createReplayToken(AT_RESET, null));
    }

    /** An event at {@code position} of case "case-(position % 10)"; the payload says whether its handler fails. */
    private static EventMessage<?> event(long position, boolean replay, boolean fails) {
        TrackingToken at = new GlobalSequenceTrackingToken(position);
        TrackingToken token = replay ? replayTokenAt(position) : at;
        String caseId = "case-" + (position % 10);
        return new GenericTrackedDomainEventMessage<>(token,
                new GenericDomainEventMessage<>("Case", caseId, position, fails ? "poison" : "fine"));
    }

    private static List<EventMessage<?>> replayOf(long from, long to) {
        List<EventMessage<?>> events = new ArrayList<>();
        LongStream.rangeClosed(from, to).forEach(p -> events.add(event(p, true, false)));
        return events;
    }

    /** Runs one batch of segment 0; answers whether it committed (a failed batch is rolled back). */
    private boolean run(List<EventMessage<?>> events) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(new ArrayList<>(events));
        batch.resources().put("Processor[" + PROCESSOR + "]/SegmentId", 0);
        ResultMessage<Object> result = batch.executeWithResult(() -> new EndOfBatch(checkpoints).handle(batch, () -> {
            EventMessage<?> event = batch.getMessage();
            Recorded pending = BatchWrites.pending("recorded", () -> new Recorded(database, writes, reads, capacity));
            long position = ((GenericTrackedDomainEventMessage<?>) event).getSequenceNumber();
            String caseId = ((GenericTrackedDomainEventMessage<?>) event).getAggregateIdentifier();
            try {
                pending.applyEvent(caseId, () -> {
                    List<Long> stored = pending.load(caseId);
                    if (stored == null) {
                        stored = pending.fresh(caseId);
                    }
                    stored.add(position);
                    pending.changed(caseId, stored);
                    if ("poison".equals(event.getPayload())) {
                        throw new IllegalArgumentException("poison at " + position);
                    }
                });
            } catch (IllegalArgumentException e) {
                deadLettered.add(position);
            }
            BatchWrites.endOfEvent(pending);
            return null;
        }));
        return !result.isExceptional();
    }

    private static TrackingToken replayTokenAt(long position) {
        return ((ReplayToken) ReplayToken.createReplayToken(AT_RESET, null))
                .advancedTo(new GlobalSequenceTrackingToken(position));
    }

    @Test
    void aReplaysChangedCasesStayInMemoryAndTheTokenStaysUntilACheckpoint() {
        assertThat(run(replayOf(1, 30))).isTrue();
        assertThat(run(replayOf(31, 60))).isTrue();

        assertThat(writes).isEmpty();
        assertThat(checkpoints.keptCases()).isEqualTo(10);
        assertThat(checkpoints.mayStore(PROCESSOR, 0, replayTokenAt(60))).isFalse();
        assertThat(writes).isEmpty();

        assertThat(run(replayOf(61, 100))).isTrue();
        assertThat(checkpoints.mayStore(PROCESSOR, 0, replayTokenAt(100))).isTrue();
        assertThat(writes).hasSize(1);
        assertThat(writes.get(0)).hasSize(10);
        assertThat(database.get("case-3")).containsExactlyElementsOf(
                LongStream.rangeClosed(1, 100).filter(p -> p % 10 == 3).boxed().toList());
        assertThat(checkpoints.keptCases()).isZero();

        assertThat(run(replayOf(101, 120))).isTrue();
        assertThat(checkpoints.mayStore(PROCESSOR, 0, replayTokenAt(120))).as("the next checkpoint is 100 further").isFalse();
    }

    @Test
    void theReplaysLastEventIsACheckpoint() {
        checkpoints.claimed(PROCESSOR, 0, replayTokenAt(949));
        assertThat(run(replayOf(950, 1_000))).isTrue();
        assertThat(checkpoints.mayStore(PROCESSOR, 0, replayTokenAt(999))).isFalse();

        assertThat(checkpoints.mayStore(PROCESSOR, 0, replayTokenAt(HEAD))).isTrue();
        assertThat(database).hasSize(10);
        assertThat(database.get("case-0")).contains(1_000L);
    }

    @Test
    void aBatchPastTheReplayWritesTheKeptCasesBeforeItReadsAny() {
        assertThat(run(replayOf(1, 20))).isTrue();
        assertThat(writes).isEmpty();

        assertThat(run(List.of(event(1_001, false, false)))).isTrue();

        assertThat(writes).hasSize(2);
        assertThat(writes.get(0)).hasSize(10);
        assertThat(database.get("case-1")).containsExactly(1L, 11L, 1_001L);
        assertThat(checkpoints.mayStore(PROCESSOR, 0, new GlobalSequenceTrackingToken(1_001))).isTrue();
    }

    @Test
    void casesPushedOutOfMemoryAreWrittenAtOnceTheLeastRecentlyUsedFirst() {
        capacity = 4;
        assertThat(run(replayOf(1, 10))).isTrue();

        assertThat(writes).containsExactly(List.of("case-1", "case-2", "case-3", "case-4", "case-5", "case-6"));
        assertThat(checkpoints.keptCases()).isEqualTo(4);
        assertThat(checkpoints.mayStore(PROCESSOR, 0, replayTokenAt(10))).isFalse();
    }

    @Test
    void aSegmentThatReplaysTwoOfTheProjectionsSegmentsKeepsTwiceAsManyCases() {
        capacity = 4;
        checkpoints.segmentsSpan(PROCESSOR, 2);
        checkpoints.claimed(PROCESSOR, 0, ReplayToken.createReplayToken(AT_RESET, null));
        assertThat(run(replayOf(1, 10))).isTrue();

        // Ten cases, eight kept: the two least recently used are written.
        assertThat(writes).containsExactly(List.of("case-1", "case-2"));
        assertThat(checkpoints.keptCases()).isEqualTo(8);
    }

    @Test
    void anEventThatFailsWhileItsCaseIsKeptFailsTheBatchAndItsSegmentReplaysWithoutKeepingUpToThere() {
        assertThat(run(replayOf(1, 10))).isTrue();
        List<EventMessage<?>> withPoison = new ArrayList<>(replayOf(11, 20));
        withPoison.set(4, event(15, true, true));

        assertThat(run(withPoison)).as("the batch fails").isFalse();
        assertThat(deadLettered).as("not charged to the event while its case was kept").isEmpty();
        assertThat(checkpoints.keptCases()).as("the batch's and the earlier kept changes are dropped").isZero();
        assertThat(writes).isEmpty();

        // The processor claims the segment again at its checkpoint and replays from there.
        checkpoints.claimed(PROCESSOR, 0, ReplayToken.createReplayToken(AT_RESET, null));
        assertThat(run(replayOf(1, 10))).isTrue();
        assertThat(writes).as("up to the failed batch every batch is written at its end").hasSize(1);
        assertThat(run(withPoison)).isTrue();
        assertThat(deadLettered).containsExactly(15L);
        assertThat(database.get("case-5")).containsExactly(5L);
        assertThat(database.get("case-6")).containsExactly(6L, 16L);
        assertThat(checkpoints.mayStore(PROCESSOR, 0, replayTokenAt(20))).isTrue();

        writes.clear();
        assertThat(run(replayOf(21, 30))).isTrue();
        assertThat(writes).as("past the failed batch, cases are kept again").isEmpty();
    }

    @Test
    void aReleasedSegmentForgetsWhatItKeptForItsTokenIsStillAtTheCheckpoint() {
        assertThat(run(replayOf(1, 50))).isTrue();
        checkpoints.released(PROCESSOR, 0);

        assertThat(checkpoints.keptCases()).isZero();
        assertThat(checkpoints.mayStore(PROCESSOR, 0, replayTokenAt(50))).isTrue();
        assertThat(writes).isEmpty();
    }

    @Test
    void offWritesEveryBatchAtItsEnd() {
        checkpoints = ReplayCheckpoints.off();
        checkpoints.claimed(PROCESSOR, 0, ReplayToken.createReplayToken(AT_RESET, null));
        assertThat(run(replayOf(1, 10))).isTrue();
        assertThat(run(replayOf(11, 20))).isTrue();

        assertThat(writes).hasSize(2);
        assertThat(checkpoints.mayStore(PROCESSOR, 0, replayTokenAt(20))).isTrue();
    }

    @Test
    void aReplayOntoEmptiedReadModelsReadsBackOnlyTheCasesItPushedOut() {
        capacity = 4;
        checkpoints.replaysOntoEmpty(PROCESSOR);
        checkpoints.claimed(PROCESSOR, 0, ReplayToken.createReplayToken(AT_RESET, null));

        assertThat(run(replayOf(1, 10))).isTrue();
        assertThat(reads).as("ten cases, none written yet: nothing to ask for").isEmpty();
        assertThat(run(replayOf(11, 20))).isTrue();
        assertThat(reads).as("the six pushed out by the first batch, read back when met again")
                .containsExactly("case-1", "case-2", "case-3", "case-4", "case-5", "case-6");

        assertThat(checkpoints.mayStore(PROCESSOR, 0, replayTokenAt(100))).isTrue();
        for (int c = 0; c < 10; c++) {
            long caseNo = c;
            assertThat(database.get("case-" + c)).as("case-" + c + " holds every one of its events")
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 20).filter(p -> p % 10 == caseNo).boxed().toList());
        }
    }

    @Test
    void aSecondClaimOfTheSegmentOrAClaimPastTheStartAsksForEveryCase() {
        checkpoints.replaysOntoEmpty(PROCESSOR);
        checkpoints.claimed(PROCESSOR, 0, ReplayToken.createReplayToken(AT_RESET, null));
        checkpoints.claimed(PROCESSOR, 0, ReplayToken.createReplayToken(AT_RESET, null));
        assertThat(run(replayOf(1, 10))).isTrue();
        assertThat(reads).as("the first claim may have written them").hasSize(10);

        reads.clear();
        checkpoints.replaysOntoEmpty(PROCESSOR);
        checkpoints.claimed(PROCESSOR, 0, replayTokenAt(10));
        assertThat(run(replayOf(11, 20))).isTrue();
        assertThat(reads).hasSize(10);
    }

    @Test
    void casesWrittenWithoutKeepingAfterAFailedEventAreReadBackWhenKeepingResumes() {
        checkpoints.replaysOntoEmpty(PROCESSOR);
        checkpoints.claimed(PROCESSOR, 0, ReplayToken.createReplayToken(AT_RESET, null));
        assertThat(run(replayOf(1, 10))).isTrue();
        List<EventMessage<?>> withPoison = new ArrayList<>(replayOf(11, 20));
        withPoison.set(4, event(15, true, true));
        assertThat(run(withPoison)).isFalse();

        // Replayed from the checkpoint (the start) without keeping up to the failed batch, then kept again.
        assertThat(run(replayOf(1, 10))).isTrue();
        assertThat(run(withPoison)).isTrue();
        assertThat(run(replayOf(21, 30))).isTrue();
        assertThat(checkpoints.mayStore(PROCESSOR, 0, replayTokenAt(100))).isTrue();

        assertThat(database.get("case-6")).containsExactly(6L, 16L, 26L);
        assertThat(database.get("case-5")).as("without the dead-lettered event").containsExactly(5L, 25L);
    }
}
