package casebook.readmodel;

import static casebook.testing.Events.registered;
import static casebook.testing.Events.selected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casebook.kernel.engagement.Programme;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The read-ahead of a batch's cases: the bookkeeping only, over a map standing in for the collection (the
 * projections' tests run the same code against the embedded server).
 */
class CasesOfABatchTest {

    private static final LocalDate MAY_15 = LocalDate.of(2024, 5, 15);

    /** Cases are the documents' "name"; a document with "broken" cannot be decoded. */
    static final class Counting extends CasesOfABatch<String, Document> {
        final Map<String, Document> stored = new HashMap<>();
        final List<List<String>> fetches = new ArrayList<>();
        final List<String> reads = new ArrayList<>();

        @Override
        protected String read(String id) {
            reads.add(id);
            Document d = stored.get(id);
            return d == null ? null : decode(d);
        }

        @Override
        protected Map<String, Document> fetchAll(List<String> ids) {
            fetches.add(List.copyOf(ids));
            Map<String, Document> found = new HashMap<>();
            ids.stream().filter(stored::containsKey).forEach(id -> found.put(id, stored.get(id)));
            return found;
        }

        @Override
        protected String decode(Document document) {
            if (document.containsKey("broken")) {
                throw new IllegalArgumentException("cannot decode " + document.getString("name"));
            }
            return document.getString("name");
        }

        @Override
        protected String empty() {
            return "";
        }

        @Override
        protected void write(String stored) {
        }
    }

    private static List<Message<?>> batchOf(String... caseIds) {
        List<Message<?>> messages = new ArrayList<>();
        for (String id : caseIds) {
            messages.add(GenericEventMessage.asEventMessage(selected(id, MAY_15)));
        }
        messages.add(GenericEventMessage.asEventMessage("not a case event"));
        return messages;
    }

    @Test
    void theBatchsCasesAreReadInOneLookUpWhenTheFirstIsNeeded() {
        Counting batch = new Counting();
        batch.stored.put("kurume", new Document("name", "Kurume"));
        batch.stored.put("kawara", new Document("name", "Kawara"));
        batch.batchStarts(batchOf("kurume", "kawara", "new-one", "kurume"));

        assertThat(batch.fetches).isEmpty();
        assertThat(batch.load("kawara")).isEqualTo("Kawara");
        assertThat(batch.load("kurume")).isEqualTo("Kurume");
        assertThat(batch.load("new-one")).isNull();
        assertThat(batch.fetches).containsExactly(List.of("kurume", "kawara", "new-one"));
        assertThat(batch.reads).isEmpty();

        assertThat(batch.load("not-in-the-batch")).isNull();
        assertThat(batch.reads).containsExactly("not-in-the-batch");
    }

    @Test
    void aDocumentThatCannotBeDecodedFailsOnlyItsOwnCase() {
        Counting batch = new Counting();
        batch.stored.put("kurume", new Document("name", "Kurume").append("broken", true));
        batch.stored.put("kawara", new Document("name", "Kawara"));
        batch.batchStarts(batchOf("kawara", "kurume"));

        assertThat(batch.load("kawara")).isEqualTo("Kawara");
        assertThatThrownBy(() -> batch.load("kurume")).hasMessageContaining("Kurume");
    }

    @Test
    void aCaseFirstSeenInTheBatchIsNotReadAgainWhenItsOpeningIsApplied() {
        Counting batch = new Counting();
        batch.batchStarts(List.of(GenericEventMessage.asEventMessage(
                registered("kurume", "402036", Programme.KASOKUKA, 2024, MAY_15))));
        assertThat(batch.load("kurume")).isNull();
        batch.fresh("kurume");
        assertThat(batch.load("kurume")).isEqualTo("");
        assertThat(batch.fetches).hasSize(1);
        assertThat(batch.reads).isEmpty();
    }

    @Test
    void aReplayOntoAnEmptiedReadModelAsksOnlyForCasesItHasWritten() {
        Counting batch = new Counting();
        SegmentReplay segment = new SegmentReplay(0, 1, true);
        batch.replaying("counting", segment);
        batch.batchStarts(batchOf("kurume", "kawara"));

        assertThat(batch.load("kurume")).isNull();
        assertThat(batch.load("not-in-the-batch")).isNull();
        assertThat(batch.fetches).isEmpty();
        assertThat(batch.reads).isEmpty();

        // Once the segment writes outside its kept cases, it asks again.
        batch.flush();
        segment.mayHoldAnyCase();
        batch.stored.put("kawara", new Document("name", "Kawara"));
        batch.batchStarts(batchOf("kawara"));
        assertThat(batch.load("kawara")).isEqualTo("Kawara");
        assertThat(batch.fetches).containsExactly(List.of("kawara"));
    }
}
