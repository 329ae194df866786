package casebook.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casebook.testing.EmbeddedMongo;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOneModel;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guarded writes of the read models' case documents, against the embedded server. */
class BulkTest {

    private static final EmbeddedMongo MONGO = new EmbeddedMongo();
    /** The version of a document absent when read (Axon numbers events from 0; {@code StoredGrantCase.NONE}). */
    private static final long ABSENT = -1;

    private MongoCollection<Document> cases;

    @AfterAll
    static void stop() {
        MONGO.close();
    }

    @BeforeEach
    void fresh() {
        cases = MONGO.freshDatabase().getCollection("cases");
    }

    private static Document caseAt(String id, long version, String stage) {
        return new Document("_id", id).append("version", version).append("view", new Document("stage", stage));
    }

    private static ReplaceOneModel<Document> guarded(Document doc, long readVersion) {
        return Bulk.replaceIfAt(doc.get("_id"), doc, readVersion);
    }

    private Document stored(String id) {
        return cases.find(new Document("_id", id)).first();
    }

    @Test
    void aCaseAbsentWhenReadIsWrittenThenReplacedAtTheVersionItWasReadAt() {
        Bulk.writeGuarded(cases, List.of(guarded(caseAt("g-1", 0, "内示"), ABSENT),
                guarded(caseAt("g-2", 3, "申請"), ABSENT)), "a grant case");
        Bulk.writeGuarded(cases, List.of(guarded(caseAt("g-1", 1, "交付決定"), 0)), "a grant case");

        assertThat(stored("g-1")).isEqualTo(caseAt("g-1", 1, "交付決定"));
        assertThat(stored("g-2")).isEqualTo(caseAt("g-2", 3, "申請"));
        assertThat(cases.countDocuments()).isEqualTo(2);
    }

    @Test
    void aCaseWrittenByAnotherSinceItWasReadIsRefusedAndLeftAsTheOtherWroteIt() {
        cases.insertOne(caseAt("g-1", 1, "交付決定"));

        assertThatThrownBy(() -> Bulk.writeGuarded(cases, List.of(guarded(caseAt("g-1", 1, "支払"), 0)),
                "a grant case")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a grant case changed since it was read");

        assertThat(stored("g-1")).isEqualTo(caseAt("g-1", 1, "交付決定"));
    }

    @Test
    void aNewCaseAnotherWroteFirstIsRefusedAndLeftAsTheOtherWroteIt() {
        cases.insertOne(caseAt("g-1", 0, "内示"));

        assertThatThrownBy(() -> Bulk.writeGuarded(cases, List.of(guarded(caseAt("g-1", 0, "事前協議"),
                ABSENT), guarded(caseAt("g-2", 0, "内示"), ABSENT)), "a grant case"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("write 0 of 2 refused");

        assertThat(stored("g-1")).isEqualTo(caseAt("g-1", 0, "内示"));
    }

    @Test
    void byIdsFindsThePresentOnesAcrossChunksOfTheInList() {
        for (int i = 0; i < Bulk.IN_CHUNK + 20; i += 2) {
            cases.insertOne(caseAt("g-" + i, i, "内示"));
        }
        List<String> asked = IntStream.range(0, Bulk.IN_CHUNK + 20).mapToObj(i -> "g-" + i).toList();

        Map<String, Document> found = Bulk.byIds(cases, asked, d -> d.getString("_id"));

        assertThat(found).hasSize((Bulk.IN_CHUNK + 20) / 2);
        assertThat(found.get("g-110").getLong("version")).isEqualTo(110L);
        assertThat(found).doesNotContainKey("g-111");
    }
}
