package casebook.backup;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * The backup format: NDJSON, one stored document per line exactly as MongoDB holds it (extended JSON, so
 * numbers keep their types), marked {@code "kind": "event"} or {@code "digest"}, after a header line.
 * Hashes are over the stored strings, so a restored event verifies exactly as the original did.
 */
public final class EventLogFormat {

    static final String KIND = "kind";
    static final String HEADER = "casebook-event-log";
    static final String EVENT = "event";
    static final String DIGEST = "digest";
    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private EventLogFormat() {
    }

    public static String header() {
        return new Document(KIND, HEADER).append("format", 1).toJson(JSON);
    }

    public static String event(Document doc) {
        return line(EVENT, doc);
    }

    public static String digest(Document doc) {
        return line(DIGEST, doc);
    }

    private static String line(String kind, Document doc) {
        Document copy = new Document(KIND, kind);
        copy.putAll(doc);
        return copy.toJson(JSON);
    }

    static Document parse(String line) {
        return Document.parse(line);
    }
}
