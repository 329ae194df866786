package casebook.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The set look-up for {@code $in} answers exactly as mongo-java-server's own matcher: for every query of the shape
 * it takes and every kind of value a document can hold, it either gives the library's answer or leaves the document
 * to the library; and finds through the server return the same documents as before.
 */
class InListMatchTest {

    @TempDir
    Path dir;

    private static final List<Object> VALUES = Arrays.asList(5L, 5, 5.0, 6L, 7, "5", "a", "b", null,
            List.of(5L, 9L), List.of("a"), new Document("x", 5L), true);

    private static final List<List<Object>> LISTS = List.of(List.of(5L, 6L), List.of(5, 8), List.of(5L, 7),
            List.of("a", "5"), List.of("b"), List.of(), List.of(9L), List.of(5L, "a"), Arrays.asList(5L, null), List.of(5.0));

    @Test
    void answersAsTheLibrarysMatcherForEveryValueAndList() {
        DefaultQueryMatcher library = new DefaultQueryMatcher();
        int decidedHere = 0;
        for (List<Object> list : LISTS) {
            Document query = new Document("k", new Document("$in", list));
            InListMatch match = InListMatch.of(query);
            for (Object value : VALUES) {
                Document document = new Document("_id", 1L);
                if (value != null) {
                    document.put("k", value);
                }
                Boolean ours = match.matches(document);
                boolean theirs = library.matches(document, query);
                if (ours != null) {
                    decidedHere++;
                    assertThat(ours).as("%s in %s", value, list).isEqualTo(theirs);
                }
            }
        }
        // Whole numbers and strings against lists of one kind are decided here; the rest goes to the library.
        assertThat(decidedHere).isGreaterThan(30);
    }

    @Test
    void leavesOtherShapesToTheLibrary() {
        Document document = new Document("k", 5L).append("j", "a");
        for (Document query : List.of(new Document(), new Document("k", 5L),
                new Document("k", new Document("$in", List.of(5L))).append("j", "a"),
                new Document("k", new Document("$in", List.of(5L)).append("$ne", 6L)),
                new Document("k.x", new Document("$in", List.of(5L))),
                new Document("$or", List.of(new Document("k", 5L))),
                new Document("k", new Document("$nin", List.of(5L))))) {
            assertThat(InListMatch.of(query).matches(document)).as(query.toString()).isNull();
        }
    }

    @Test
    void findsByInReturnTheListedDocumentsThroughTheServer() {
        try (EmbeddedMongo server = EmbeddedMongo.start(dir); MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<org.bson.Document> docs = client.getDatabase("casebook").getCollection("events");
            docs.createIndex(Indexes.ascending("streamKey"), new IndexOptions().unique(true));
            List<org.bson.Document> many = new ArrayList<>();
            for (long i = 1; i <= 500; i++) {
                many.add(new org.bson.Document("_id", i).append("streamKey", "case-" + (i % 50) + "/" + i));
            }
            many.add(new org.bson.Document("_id", 1_000.0).append("streamKey", "double"));
            docs.insertMany(many);

            List<Long> wanted = new ArrayList<>();
            for (long i = 3; i <= 500; i += 7) {
                wanted.add(i);
            }
            wanted.add(1_000L); // stored as a double: the library's matcher decides, and numbers compare as numbers
            wanted.add(9_999L); // absent
            Set<Object> found = new TreeSet<>();
            docs.find(Filters.in("_id", wanted)).forEach(d -> found.add(((Number) d.get("_id")).longValue()));
            Set<Object> expected = new TreeSet<>(wanted);
            expected.remove(9_999L);
            assertThat(found).isEqualTo(expected);

            List<String> keys = List.of("case-3/3", "case-3/53", "case-4/3", "double");
            List<String> byKey = new ArrayList<>();
            docs.find(Filters.in("streamKey", keys)).forEach(d -> byKey.add(d.getString("streamKey")));
            assertThat(byKey).containsExactlyInAnyOrder("case-3/3", "case-3/53", "double");
        }
    }
}
