package casebook.audittrail;

import static casebook.testing.Events.held;
import static casebook.testing.Events.homework;
import static casebook.testing.Events.registered;
import static casebook.testing.Events.selected;
import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.audit.CaseType;
import casebook.kernel.audit.query.CaseTimeline;
import casebook.kernel.audit.query.TimelineEntry;
import casebook.kernel.engagement.CorrectedFields;
import casebook.kernel.engagement.Programme;
import casebook.kernel.engagement.event.EngagementRecordCorrected;
import casebook.readmodel.ReplayCheckpoints;
import casebook.testing.Batch;
import casebook.testing.EmbeddedMongo;
import casebook.testing.RecordedLog;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The timeline as read from a case's log, and the case heads the audit trail projection keeps beside it. */
class AuditTrailTest {

    private static final String CASE = "kurume";
    private static final String PROCESSOR = "casebook.audittrail";
    /** Five engagements in different bureaus, their events interleaved as a national log interleaves cases. */
    private static final List<String> MUNICIPALITIES = List.of("402036", "011002", "131016", "271004", "472018");
    private static final long HEAD = 99;
    private static final TrackingToken AT_RESET = new GlobalSequenceTrackingToken(HEAD);
    private static final LocalDate MAY_15 = LocalDate.of(2024, 5, 15);
    private static EmbeddedMongo mongo;
    private MongoDatabase db;
    private AuditTrailProjection projection;
    private AuditTrailQueries queries;
    private RecordedLog log;

    @BeforeAll
    static void startServer() {
        mongo = new EmbeddedMongo();
    }

    @AfterAll
    static void stopServer() {
        mongo.close();
    }

    @BeforeEach
    void setUp() {
        db = mongo.freshDatabase();
        projection = new AuditTrailProjection(db);
        log = new RecordedLog();
        queries = new AuditTrailQueries(log);
    }

    @Test
    void theTimelineListsEveryEventInSequenceOrderWithWhoAndWhen() {
        record(0, registered(CASE, "402036", Programme.KASOKUKA, 2024, day(5, 15)), "2024-05-15T09:00:00Z");
        record(1, selected(CASE, day(6, 3)), "2024-06-03T01:00:00Z");
        record(2, held(CASE, "M0_5", day(8, 7), "15:00", "16:30"), "2024-08-07T08:00:00Z");

        List<TimelineEntry> timeline = queries.timeline(new CaseTimeline(CASE));

        assertThat(timeline).extracting(TimelineEntry::seq).containsExactly(0L, 1L, 2L);
        TimelineEntry held = timeline.get(2);
        assertThat(held.type()).isEqualTo("MilestoneHeld");
        assertThat(held.typeLabel()).isEqualTo("実施記録");
        assertThat(held.caseType()).isEqualTo(CaseType.SUPPORT_ENGAGEMENT);
        assertThat(held.occurredOn()).isEqualTo(day(8, 7));
        assertThat(held.recordedAt()).isEqualTo(Instant.parse("2024-08-07T08:00:00Z"));
        assertThat(held.actor()).isEqualTo("officer-kyushu");
        assertThat(held.actorRole()).isEqualTo("CASE_OFFICER");
        assertThat(held.correlationId()).isEqualTo("corr-2");
        assertThat(held.payload()).containsEntry("milestone", "M0_5").containsEntry("heldOn", "2024-08-07")
                .containsEntry("startTime", "15:00:00");
        assertThat(held.correctedBy()).isEmpty();
        assertThat(held.hash()).isEqualTo(RecordedLog.hash(CASE, 2));
        assertThat(held.prevHash()).isEqualTo(timeline.get(1).hash());
        Document head = db.getCollection(AuditDocuments.CASES).find(new Document("_id", CASE)).first();
        assertThat(head).containsEntry("lastSeq", 2L).containsEntry("bureauCode", "kyushu")
                .containsEntry("municipalityName", "久留米市").containsEntry("caseType", "SUPPORT_ENGAGEMENT");
    }

    @Test
    void anEntryRecordedMoreThanSevenTokyoDaysAfterItHappenedIsLate() {
        // held on 10-03: Tokyo 10-10 23:59 is on time, 10-10 15:00 UTC is already 10-11 in Tokyo
        record(0, held(CASE, "VISIT_1", day(10, 3), null, null), "2024-10-10T14:59:59Z");
        record(1, held(CASE, "VISIT_1", day(10, 3), null, null), "2024-10-10T15:00:00Z");

        assertThat(queries.timeline(new CaseTimeline(CASE))).extracting(TimelineEntry::lateEntry)
                .containsExactly(false, true);
    }

    @Test
    void aCorrectionIsNotedOnTheEventItCorrects() {
        record(0, registered(CASE, "402036", Programme.KASOKUKA, 2024, day(5, 15)), "2024-05-15T09:00:00Z");
        record(1, held(CASE, "VISIT_1", day(10, 3), null, null), "2024-10-03T09:00:00Z");
        record(2, correction(1), "2024-10-15T09:00:00Z");
        record(3, correction(1), "2024-10-16T09:00:00Z");

        List<TimelineEntry> timeline = queries.timeline(new CaseTimeline(CASE));

        assertThat(timeline.get(1).correctedBy()).containsExactly(2L, 3L);
        assertThat(timeline.get(2).typeLabel()).isEqualTo("記録訂正");
        assertThat(timeline.get(2).payload()).containsEntry("correctsEvent", 1L);
    }

    @Test
    void replayingEventsLeavesTheCaseHeadsAsTheyWere() {
        List<Runnable> events = List.of(
                () -> project(0, registered(CASE, "402036", Programme.KASOKUKA, 2024, day(5, 15))),
                () -> project(1, held(CASE, "VISIT_1", day(10, 3), null, null)),
                () -> project(2, correction(1)));
        events.forEach(Runnable::run);
        List<String> before = documents();

        events.forEach(Runnable::run);

        assertThat(documents()).isEqualTo(before);
        assertThat(before).hasSize(1);
    }

    @Test
    void theHeadKeepsTheLastEventSeenWhateverOrderTheyComeIn() {
        project(2, selected(CASE, day(6, 3)));
        project(0, registered(CASE, "402036", Programme.KASOKUKA, 2024, day(5, 15)));

        Document head = db.getCollection(AuditDocuments.CASES).find(new Document("_id", CASE)).first();
        assertThat(head).containsEntry("lastSeq", 2L).containsEntry("bureauCode", "kyushu");
    }

    @Test
    void aResetEmptiesTheHeadsAndDropsTheCopyOfEveryEventEarlierVersionsKept() {
        project(0, registered(CASE, "402036", Programme.KASOKUKA, 2024, day(5, 15)));
        db.getCollection(AuditDocuments.RETIRED_EVENTS).insertOne(new Document("_id", CASE + ":0000000000"));

        projection.reset();

        assertThat(db.getCollection(AuditDocuments.CASES).countDocuments()).isZero();
        assertThat(db.listCollectionNames().into(new ArrayList<>())).doesNotContain(AuditDocuments.RETIRED_EVENTS);
    }

    @Test
    void aLongTimelineStaysInOrder() {
        for (int seq = 0; seq < 250; seq++) {
            record(seq, homework(CASE, "hw-" + seq, null, day(10, 3)), "2024-10-03T09:00:00Z");
        }

        List<TimelineEntry> timeline = queries.timeline(new CaseTimeline(CASE));

        assertThat(timeline).hasSize(250);
        assertThat(timeline).extracting(TimelineEntry::seq).isSorted();
        assertThat(timeline.get(249).payload()).containsEntry("itemId", "hw-249");
    }

    @Test
    void anUnknownCaseHasAnEmptyTimeline() {
        assertThat(queries.timeline(new CaseTimeline("nobody"))).isEmpty();
        assertThat(queries.timeline(new CaseTimeline(null))).isEmpty();
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

    /**
     * During a rebuild the case heads are kept in memory from batch to batch like the other projections' cases
     * (ADR 0020) and written once per case at a checkpoint: as batch-by-batch writing would have left them.
     */
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

    /** Records the event as the case's next in the log, and projects it, as the event store and processor would. */
    private void record(long seq, CaseEvent event, String recordedAt) {
        long logged = log.record(event, Instant.parse(recordedAt), "officer-kyushu", "CASE_OFFICER", "corr-" + seq);
        assertThat(logged).as("recorded in order").isEqualTo(seq);
        project(seq, event);
    }

    private void project(long seq, CaseEvent event) {
        projection.on(event, seq);
    }

    private static EngagementRecordCorrected correction(long seq) {
        CorrectedFields fields = new CorrectedFields(day(10, 4), null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null);
        return new EngagementRecordCorrected(CASE, seq, "MilestoneHeld", fields, "日付の入力誤り", day(10, 15));
    }

    private List<String> documents() {
        List<String> docs = new ArrayList<>();
        db.getCollection(AuditDocuments.CASES).find().batchSize(100).forEach(d -> docs.add(d.toJson()));
        return docs;
    }

    private static LocalDate day(int month, int day) {
        return LocalDate.of(month >= 4 ? 2024 : 2025, month, day);
    }
}
