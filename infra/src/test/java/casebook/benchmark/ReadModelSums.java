package casebook.benchmark;

import com.mongodb.client.MongoDatabase;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * A fingerprint of the rebuilt read models: per case collection the number of documents and the sum of the versions
 * they stand at (the audit trail's heads: their last seq), per row collection the number of rows. Taken of a kept
 * store before its read models are dropped and again after the rebuild, it shows the rebuild gave back what was
 * there (the e2e tests compare whole answers on a small store).
 */
final class ReadModelSums {

    private static final Map<String, String> VERSIONED = Map.of("engagements", "version", "grant_cases", "version",
            "inquiries", "version", "consultations", "version", "audit_cases", "lastSeq");
    private static final String[] ROWS = {"engagement_rows", "grant_rows", "inquiry_rows", "consultation_rows"};

    private ReadModelSums() {
    }

    static Map<String, String> of(MongoDatabase db) {
        Map<String, String> sums = new LinkedHashMap<>();
        VERSIONED.forEach((collection, field) -> {
            long count = 0;
            long sum = 0;
            for (Document d : db.getCollection(collection).find().projection(new Document(field, 1)).batchSize(1000)) {
                count++;
                Number n = d.get(field, Number.class);
                sum += n == null ? 0 : n.longValue();
            }
            sums.put(collection, count + " docs, versions sum " + sum);
        });
        for (String rows : ROWS) {
            sums.put(rows, db.getCollection(rows).countDocuments() + " rows");
        }
        return sums;
    }

    /** Prints the comparison; throws when the rebuild did not give back the same read models. */
    static void check(Map<String, String> before, Map<String, String> after) {
        StringBuilder line = new StringBuilder("rebuild check:");
        after.forEach((collection, sums) -> line.append(' ').append(collection).append(" (").append(sums).append(')'));
        if (!before.equals(after)) {
            throw new IllegalStateException("the rebuilt read models differ from the ones before the rebuild: before "
                    + before + ", after " + after);
        }
        System.out.println(line + ": the same as before the rebuild");
    }
}
