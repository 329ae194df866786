package casebook.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import casebook.eventstore.ChainReport.Failure;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of tampering, done to the database directly, is detected and named: an edited field, a deleted
 * event, a reordered event, a deleted case; an untouched store verifies clean.
 */
class TamperEvidenceTest {

    record Noted(String text) {
    }

    @TempDir
    Path dir;
    EmbeddedStore store;
    MongoEventStorageEngine engine;
    MongoCollection<Document> events;

    @BeforeEach
    void open() {
        store = new EmbeddedStore(dir);
        engine = MongoEventStorageEngine.builder().database(store.database())
                .eventSerializer(JacksonSerializer.builder().objectMapper(new ObjectMapper()).build())
                .snapshotSerializer(JacksonSerializer.builder().objectMapper(new ObjectMapper()).build())
                .durability(store.durability()).build();
        events = store.database().getCollection(MongoEventStorageEngine.EVENTS);
        for (String c : List.of("a", "b", "c")) {
            for (int i = 0; i < 5; i++) {
                engine.appendEvents(new GenericDomainEventMessage<>("Case", c, i, new Noted(c + i), MetaData.with("actor", "tester")));
            }
        }
        assertThat(engine.digestCaseHeads()).isEqualTo(0);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Document stored(String caseId, long seq) {
        return events.find(new Document("sk", caseId + ":" + seq)).first();
    }

    private static List<Failure> failuresOf(ChainReport report, String caseId) {
        return report.failures().stream().filter(f -> caseId.equals(f.caseId())).toList();
    }

    @Test
    void anUntouchedStoreVerifiesClean() {
        ChainReport all = engine.verify(null);
        assertThat(all.ok()).isTrue();
        assertThat(all.casesChecked()).isEqualTo(3);
        assertThat(all.eventsChecked()).isEqualTo(15);
        assertThat(all.digestsChecked()).isEqualTo(1);
        assertThat(engine.verify("b").ok()).isTrue();
        // Appends go on chaining after a digest, and a second digest covers them.
        engine.appendEvents(new GenericDomainEventMessage<>("Case", "b", 5, new Noted("b5"), MetaData.with("actor", "tester")));
        assertThat(engine.digestCaseHeads()).isEqualTo(1);
        assertThat(engine.verify(null).ok()).isTrue();
    }

    @Test
    void anEditedFieldIsNamed() {
        events.updateOne(new Document("sk", "b:2"), new Document("$set", new Document("p", "{\"text\":\"b2 (changed)\"}")));
        ChainReport report = engine.verify(null);
        assertThat(report.ok()).isFalse();
        assertThat(failuresOf(report, "b")).extracting(Failure::seq, Failure::reason)
                .contains(org.assertj.core.groups.Tuple.tuple(2L, "the stored event does not match its hash (a field was edited)"));
        assertThat(failuresOf(report, "a")).isEmpty();
        // The actor is part of the hash too.
        events.updateOne(new Document("sk", "c:1"), new Document("$set", new Document("ac", "someone-else")));
        assertThat(failuresOf(engine.verify("c"), "c")).extracting(Failure::seq).contains(1L);
    }

    @Test
    void aDeletedEventIsNamed() {
        events.deleteOne(new Document("sk", "a:3"));
        assertThat(failuresOf(engine.verify(null), "a")).extracting(Failure::seq).contains(3L);
        assertThat(failuresOf(engine.verify("a"), "a")).extracting(Failure::reason)
                .anyMatch(r -> r.contains("missing"));
    }

    @Test
    void aDeletedLastEventIsNamedThroughTheDigest() {
        events.deleteOne(new Document("sk", "c:4"));
        assertThat(failuresOf(engine.verify(null), "c")).extracting(Failure::seq, f -> f.reason().contains("deleted"))
                .contains(org.assertj.core.groups.Tuple.tuple(4L, true));
    }

    @Test
    void aReorderedEventIsNamed() {
        // Swap the global positions of b:1 and b:3, as if the log had been rewritten in another order.
        Document one = stored("b", 1);
        Document three = stored("b", 3);
        Object idOne = one.get("_id");
        Object idThree = three.get("_id");
        events.deleteOne(new Document("_id", idOne));
        events.deleteOne(new Document("_id", idThree));
        events.insertOne(one.append("_id", idThree));
        events.insertOne(three.append("_id", idOne));
        ChainReport report = engine.verify(null);
        assertThat(report.ok()).isFalse();
        assertThat(failuresOf(report, "b")).extracting(Failure::reason).anyMatch(r -> r.contains("out of order"));
    }

    @Test
    void aDeletedCaseIsNamed() {
        events.deleteMany(new Document("a", "c"));
        ChainReport report = engine.verify(null);
        assertThat(failuresOf(report, "c")).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("the case was deleted"));
        assertThat(failuresOf(report, "a")).isEmpty();
    }

    @Test
    void anAlteredDigestIsNamed() {
        store.database().getCollection("case_head_digests").updateOne(new Document("_id", 0L),
                new Document("$set", new Document("upTo", 1L)));
        assertThat(engine.verify(null).failures()).extracting(Failure::reason).anyMatch(r -> r.contains("digest 0"));
    }
}
