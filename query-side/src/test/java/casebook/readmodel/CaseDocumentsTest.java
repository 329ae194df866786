package casebook.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import casebook.testing.EmbeddedMongo;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Case documents written and read as BSON bytes ({@link BsonViews}, {@link CaseDocuments}) against the embedded
 * server: byte for byte the form the read models wrote through a map of Jackson's, so that stores written before
 * read back unchanged; and the guarded replace, the projected view and a document that does not fit its class.
 */
class CaseDocumentsTest {

    private static final EmbeddedMongo MONGO = new EmbeddedMongo();

    /** The kinds of field the read models' views hold. */
    public static final class Step {
        public String name;
        public LocalDate due;
        public LocalTime startTime;
        public Boolean done;
        public List<String> notes = new ArrayList<>();
    }

    public enum Stage { CONSULTED, DECIDED }

    public static final class View {
        public String id;
        public long version;
        public int headcount;
        public long amountYen;
        public Long optionalAmount;
        public double share;
        public BigDecimal growthRate;
        public Instant lastRecordedAt;
        public Stage stage;
        public String absent;
        public List<Step> steps = new ArrayList<>();
        public Map<String, Integer> countsByKind = new LinkedHashMap<>();
    }

    public record Target(String procedureId, String step) {
    }

    private MongoDatabase db;
    private CaseDocuments<View, Map<String, Target>> cases;

    @AfterAll
    static void stop() {
        MONGO.close();
    }

    @BeforeEach
    void fresh() {
        db = MONGO.freshDatabase();
        cases = new CaseDocuments<>(db, "cases", View.class, BsonViews.mapOf(Target.class), "a case");
        cases.ensureIndexes();
    }

    private static View view(String id, long version) {
        View v = new View();
        v.id = id;
        v.version = version;
        v.headcount = 4;
        v.amountYen = 12_000_000_000L;
        v.share = 0.75;
        v.growthRate = new BigDecimal("1.0230");
        v.lastRecordedAt = Instant.parse("2025-03-31T09:15:00.123456Z");
        v.stage = Stage.DECIDED;
        Step s = new Step();
        s.name = "交付決定";
        s.due = LocalDate.of(2025, 3, 31);
        s.startTime = LocalTime.of(13, 30);
        s.done = true;
        s.notes.add("香春町 福祉課");
        v.steps.add(s);
        v.steps.add(new Step());
        v.countsByKind.put("ONSITE", 3);
        return v;
    }

    private static Map<String, Target> targets() {
        Map<String, Target> t = new LinkedHashMap<>();
        t.put("7", new Target("p-1", "APPLICATION"));
        return t;
    }

    /**
     * The document as the read models stored it before ADR 0026, and as the rows are still stored: Jackson's tree of
     * maps ({@link DocumentViews}), then the driver's Document.
     */
    private static Document mapPath(String id, long version, View v, Map<String, Target> corrections) {
        return new Document("_id", id).append("version", version)
                .append("view", DocumentViews.toDocument(v))
                .append("corrections", DocumentViews.toDocument(corrections));
    }

    /** A case as a projection holds it: the document to write, and the version it was read at (-1: absent). */
    private record Held(CaseDocument<View, Map<String, Target>> document, long readVersion) {
    }

    private static Held held(String id, long version, Map<String, Target> corrections, long readVersion) {
        return new Held(new CaseDocument<>(id, version, view(id, version), corrections), readVersion);
    }

    private void save(Held... held) {
        cases.saveAll(List.of(held), Held::document, Held::readVersion);
    }

    @Test
    void aCaseIsWrittenAsTheMapPathWroteIt() {
        View v = view("g-1", 7);
        RawBsonDocument written = BsonViews.write(new CaseDocument<>("g-1", 7, v, targets()));

        assertThat(written).isEqualTo(mapPath("g-1", 7, v, targets()).toBsonDocument());
        assertThat(written.getDocument("view").containsKey("absent")).isFalse();
        assertThat(written.getDocument("view").getString("growthRate").getValue()).isEqualTo("1.0230");
    }

    @Test
    void aCaseStoredThroughTheMapPathReadsBackWhole() {
        View v = view("g-1", 7);
        db.getCollection("cases").insertOne(mapPath("g-1", 7, v, targets()).append("laterField", "ignored"));

        CaseDocument<View, Map<String, Target>> read = cases.load("g-1");

        assertThat(read.id()).isEqualTo("g-1");
        assertThat(read.version()).isEqualTo(7);
        assertThat(read.view()).usingRecursiveComparison().isEqualTo(v);
        assertThat(read.corrections()).isEqualTo(targets());
    }

    @Test
    void savedCasesReadBackThroughTheBatchLookUpAndAsAQueryView() {
        save(held("g-1", 0, targets(), -1), held("g-2", 3, null, -1));

        Map<String, RawBsonDocument> found = cases.documents(List.of("g-1", "g-2", "g-3"));

        assertThat(found).containsOnlyKeys("g-1", "g-2");
        assertThat(cases.decode(found.get("g-2")).view()).usingRecursiveComparison().isEqualTo(view("g-2", 3));
        assertThat(cases.decode(found.get("g-2")).corrections()).isNull();
        assertThat(cases.view("g-1", Step.class)).isNotNull(); // a narrower class reads what it knows
        assertThat(cases.view("g-1", View.class)).usingRecursiveComparison().isEqualTo(view("g-1", 0));
        assertThat(cases.view("g-3", View.class)).isNull();
    }

    @Test
    void aCaseChangedSinceItWasReadIsNotReplaced() {
        save(held("g-1", 1, targets(), -1));

        assertThatThrownBy(() -> save(held("g-1", 2, targets(), 0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a case changed since it was read");
        assertThat(cases.load("g-1").version()).isEqualTo(1);

        save(held("g-1", 2, targets(), 1));
        assertThat(cases.load("g-1").version()).isEqualTo(2);
    }

    @Test
    void aDocumentThatDoesNotFitItsClassFailsAsAnIllegalArgument() {
        MongoCollection<Document> raw = db.getCollection("cases");
        raw.insertOne(mapPath("g-1", 7, view("g-1", 7), targets()));
        raw.updateOne(new Document("_id", "g-1"), new Document("$set", new Document("view.steps", "not a list")));

        RawBsonDocument broken = cases.documents(List.of("g-1")).get("g-1");

        assertThatThrownBy(() -> cases.decode(broken)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a case (cases g-1) does not read: ")
                .hasMessageContaining("from String value")
                .hasMessageEndingWith("(at casebook.readmodel.CaseDocument[\"view\"]->" + View.class.getName()
                        + "[\"steps\"])");
    }
}
