package casebook.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.engagement.EngagementType;
import casebook.kernel.engagement.Programme;
import casebook.kernel.engagement.Theme;
import casebook.kernel.engagement.ThemeCode;
import casebook.kernel.engagement.event.EngagementRegistered;
import casebook.kernel.engagement.event.HomeworkItemAdded;
import casebook.kernel.reference.LocalGovernment;
import casebook.kernel.reference.ReferenceData;
import casebook.progress.EngagementProjection;
import casebook.readmodel.EndOfBatch;
import casebook.readmodel.ReplayCheckpoints;
import casebook.testing.MovableClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild that keeps cases in memory between batches (ADR 0020) on the real token store and engagement projection:
 * the stored token never passes a change that is only in memory, so an instance that dies in the middle loses
 * nothing; the one that takes its segment over replays from the last checkpoint.
 */
class ReplayCheckpointTokenTest {

    private static final String PROCESSOR = "casebook.progress";
    private static final int ENGAGEMENTS = 10;
    private static final int EVENTS_EACH = 10;
    private static final long HEAD = ENGAGEMENTS * EVENTS_EACH - 1;
    private static final TrackingToken AT_RESET = new GlobalSequenceTrackingToken(HEAD);
    private static final LocalDate MAY_15 = LocalDate.of(2024, 5, 15);

    @TempDir
    Path dir;

    /** Engagement {@code position % 10}'s event number {@code position / 10}: registered, then homework items. */
    private static EventMessage<?> event(long position) {
        String id = "engagement-" + position % ENGAGEMENTS;
        long seq = position / ENGAGEMENTS;
        Object payload;
        if (seq == 0) {
            LocalGovernment lg = ReferenceData.get().municipality("402036").orElseThrow();
            payload = new EngagementRegistered(id, Programme.KASOKUKA, EngagementType.BUREAU_LED, 2024, lg.code(),
                    lg.name(), lg.prefectureCode(), ReferenceData.get().bureauOf(lg).code(),
                    List.of(new Theme(ThemeCode.LIVING_SUPPORT_SYSTEM, null)), "地域づくりの推進", MAY_15);
        } else {
            payload = new HomeworkItemAdded(id, "hw-" + seq, "資料を整理する", "市", null, null, MAY_15);
        }
        TrackingToken token = ((ReplayToken) ReplayToken.createReplayToken(AT_RESET, null))
                .advancedTo(new GlobalSequenceTrackingToken(position));
        return new GenericTrackedDomainEventMessage<>(token,
                new GenericDomainEventMessage<>("SupportEngagement", id, seq, payload));
    }

    /** One batch of segment 0 as a pooled processor runs it: handlers, EndOfBatch, then the token in prepare-commit. */
    private static void batch(long from, long to, EngagementProjection projection, ReplayCheckpoints checkpoints,
                              MongoTokenStore tokens) {
        List<EventMessage<?>> events = new ArrayList<>();
        for (long p = from; p <= to; p++) {
            events.add(event(p));
        }
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        batch.resources().put("Processor[" + PROCESSOR + "]/SegmentId", 0);
        TrackingToken last = ((GenericTrackedDomainEventMessage<?>) events.get(events.size() - 1)).trackingToken();
        batch.onPrepareCommit(u -> tokens.storeToken(last, PROCESSOR, 0));
        ResultMessage<Object> result = batch.executeWithResult(() -> new EndOfBatch(checkpoints).handle(batch, () -> {
            projection.on(batch.getMessage());
            return null;
        }));
        assertThat(result.isExceptional()).as("batch %d-%d", from, to).isFalse();
    }

    private static long storedPosition(MongoTokenStore tokens) {
        TrackingToken token = tokens.peekTokens(PROCESSOR).get(0);
        return token == null ? -1 : token.position().orElse(-1);
    }

    private static long claimedAt(MongoDatabase db) {
        return db.getCollection("tracking_tokens").find(new Document("_id", PROCESSOR + ":0")).first()
                .get("claimedAt", Number.class).longValue();
    }

    private static Map<String, Long> versions(MongoDatabase db) {
        Map<String, Long> versions = new java.util.TreeMap<>();
        for (Document d : db.getCollection("engagements").find()) {
            versions.put(d.getString("_id"), d.getLong("version"));
        }
        return versions;
    }

    @Test
    void anInstanceThatDiesWhileKeepingCasesLeavesTheTokenAtItsCheckpointAndTheNextFinishesTheRebuildWhole() {
        try (EmbeddedStore store = new EmbeddedStore(dir)) {
            MongoDatabase db = store.database();
            MovableClock clock = new MovableClock(Instant.parse("2024-05-15T00:00:00Z"));
            JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(new ObjectMapper()).build();
            ReplayCheckpoints firstsMemory = new ReplayCheckpoints(40);
            MongoTokenStore first = new MongoTokenStore(db, serializer, "node-1", Duration.ofSeconds(10), clock, firstsMemory);
            first.initializeSegment(ReplayToken.createReplayToken(AT_RESET, null), PROCESSOR, 0);
            first.fetchToken(PROCESSOR, 0);
            EngagementProjection projection = new EngagementProjection(db);
            long start = storedPosition(first);

            batch(0, 14, projection, firstsMemory, first);
            batch(15, 29, projection, firstsMemory, first);
            assertThat(versions(db)).as("kept in memory, nothing written").isEmpty();
            assertThat(storedPosition(first)).as("so the token has not moved").isEqualTo(start);

            batch(30, 49, projection, firstsMemory, first);
            assertThat(storedPosition(first)).as("a checkpoint: 50 positions since the last").isEqualTo(49);
            assertThat(versions(db)).hasSize(ENGAGEMENTS).allSatisfy((id, version) -> assertThat(version).isEqualTo(4));

            long claimedAt = claimedAt(db);
            batch(50, 69, projection, firstsMemory, first);
            assertThat(storedPosition(first)).isEqualTo(49);
            assertThat(versions(db).values()).containsOnly(4L);
            assertThat(claimedAt(db)).as("no claim write for every batch").isEqualTo(claimedAt);
            clock.advance(Duration.ofSeconds(2));
            batch(70, 74, projection, firstsMemory, first);
            assertThat(claimedAt(db)).as("the claim kept fresh after a tenth of its timeout").isEqualTo(claimedAt + 2_000);
            assertThat(storedPosition(first)).isEqualTo(49);

            // The first instance dies here: its changes of positions 50-74 were only in its memory.
            clock.advance(Duration.ofSeconds(11));
            ReplayCheckpoints secondsMemory = new ReplayCheckpoints(40);
            MongoTokenStore second = new MongoTokenStore(db, serializer, "node-2", Duration.ofSeconds(10), clock, secondsMemory);
            assertThat(second.fetchToken(PROCESSOR, 0).position()).hasValue(49);

            batch(50, 79, projection, secondsMemory, second);
            batch(80, HEAD, projection, secondsMemory, second);

            assertThat(storedPosition(second)).as("the replay's end is a checkpoint").isEqualTo(HEAD);
            assertThat(versions(db)).hasSize(ENGAGEMENTS)
                    .allSatisfy((id, version) -> assertThat(version).isEqualTo(EVENTS_EACH - 1));
            assertThat(db.getCollection("engagements").find(new Document("_id", "engagement-3")).first()
                    .toJson()).contains("hw-1", "hw-5", "hw-6", "hw-9");
        }
    }
}
