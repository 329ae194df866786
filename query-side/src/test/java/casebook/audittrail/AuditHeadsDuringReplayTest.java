package casebook.audittrail;

import static casebook.testing.Events.homework;
import static casebook.testing.Events.registered;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.engagement.Programme;
import casebook.readmodel.ReplayCheckpoints;
import casebook.testing.Batch;
import casebook.testing.EmbeddedMongo;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * During a rebuild the case heads are kept in memory from batch to batch like the other projections' cases (ADR 0020)
 * and written once per case at a checkpoint; what is written then is what batch-by-batch writing would have left.
 */
class AuditHeadsDuringReplayTest {

    private static final String PROCESSOR = "casebook.audittrail";
    /** Five engagements in different bureaus, their events interleaved as a national log interleaves cases. */
    private static final List<String> MUNICIPALITIES = List.of("402036", "011002", "131016", "271004", "472018");
    private static final long HEAD = 99;
    private static final TrackingToken AT_RESET = new GlobalSequenceTrackingToken(HEAD);
    private static final LocalDate MAY_15 = LocalDate.of(2024, 5, 15);

    private static EmbeddedMongo mongo;

    @BeforeAll
    static void startServer() {
        mongo = new EmbeddedMongo();
    }

    @AfterAll
    static void stopServer() {
        mongo.close();
    }

    /** Event {@code position / 5} of engagement {@code position % 5}: registered, then homework items. */
    private static EventMessage<?> event(long position, boolean replay) {
        int engagement = (int) (position % MUNICIPALITIES.size());
        String id = "engagement-" + engagement;
        long seq = position / MUNICIPALITIES.size();
        Object payload = seq == 0 ? registered(id, MUNICIPALITIES.get(engagement), Programme.KASOKUKA, 2024, MAY_15)
                : homework(id, "item-" + seq, "次回まで", MAY_15);
        return new GenericTrackedDomainEventMessage<>(token(position, replay), new GenericDomainEventMessage<>("Engagement", id, seq,
                payload));
    }

    private static TrackingToken token(long position, boolean replay) {
        TrackingToken at = new GlobalSequenceTrackingToken(position);
        return replay ? ((ReplayToken) ReplayToken.createReplayToken(AT_RESET, null)).advancedTo(at) : at;
    }

    private static List<EventMessage<?>> events(long from, long to, boolean replay) {
        List<EventMessage<?>> events = new ArrayList<>();
        LongStream.rangeClosed(from, to).forEach(p -> events.add(event(p, replay)));
        return events;
    }

    private static List<Document> heads(MongoDatabase db) {
        return db.getCollection(AuditDocuments.CASES).find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    @Test
    void aReplayWritesEachCaseHeadOnceAtItsCheckpointAsBatchByBatchWritingWouldHaveLeftIt() {
        MongoDatabase live = mongo.freshDatabase();
        AnnotationEventHandlerAdapter liveTrail = new AnnotationEventHandlerAdapter(new AuditTrailProjection(live));
        for (long from = 0; from <= HEAD; from += 30) {
            assertThat(Batch.run(events(from, Math.min(from + 29, HEAD), false), liveTrail)).isEmpty();
        }

        MongoDatabase rebuilt = mongo.freshDatabase();
        MongoCollection<Document> rebuiltHeads = rebuilt.getCollection(AuditDocuments.CASES);
        AnnotationEventHandlerAdapter trail = new AnnotationEventHandlerAdapter(new AuditTrailProjection(rebuilt));
        ReplayCheckpoints checkpoints = new ReplayCheckpoints(1_000);
        checkpoints.claimed(PROCESSOR, 0, ReplayToken.createReplayToken(AT_RESET, null));
        for (long from = 0; from < HEAD; from += 30) {
            assertThat(Batch.runInSegment(checkpoints, PROCESSOR, events(from, Math.min(from + 29, HEAD - 1), true),
                    trail)).isEmpty();
        }

        assertThat(rebuiltHeads.countDocuments()).as("nothing written between checkpoints").isZero();
        assertThat(checkpoints.keptCases()).isEqualTo(MUNICIPALITIES.size());
        assertThat(checkpoints.mayStore(PROCESSOR, 0, token(HEAD - 1, true))).isFalse();

        assertThat(Batch.runInSegment(checkpoints, PROCESSOR, events(HEAD, HEAD, true), trail)).isEmpty();
        assertThat(checkpoints.mayStore(PROCESSOR, 0, token(HEAD, true)))
                .as("the replay's last event is a checkpoint").isTrue();

        assertThat(checkpoints.keptCases()).isZero();
        List<Document> heads = heads(rebuilt);
        assertThat(heads).isEqualTo(heads(live)).hasSize(MUNICIPALITIES.size());
        assertThat(heads).allSatisfy(head -> assertThat(head.get("lastSeq", Number.class).longValue()).isEqualTo(19));
        assertThat(heads.get(0).getString("bureauCode")).isEqualTo("kyushu");
        assertThat(heads.get(0).getString("caseType")).isEqualTo("SUPPORT_ENGAGEMENT");
    }
}
