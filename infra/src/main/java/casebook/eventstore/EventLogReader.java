package casebook.eventstore;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * Reads stored events in global order by {@code $in} over their numbers, a window at a time (index look-ups
 * on any server, never one huge reply), for verification, digests and export.
 */
final class EventLogReader {

    private static final int WINDOW = 100;

    private final MongoCollection<Document> events;
    private final GlobalSequence sequence;

    EventLogReader(MongoCollection<Document> events, GlobalSequence sequence) {
        this.events = events;
        this.sequence = sequence;
    }

    long head() {
        return sequence.head();
    }

    /** Hands every stored document with a number in (after, upTo] to {@code each}, in global order; returns how many. */
    long read(long after, long upTo, Consumer<Document> each) {
        long count = 0;
        for (long from = after + 1; from <= upTo; from += WINDOW) {
            List<Long> ids = new ArrayList<>(WINDOW);
            for (long g = from; g < from + WINDOW && g <= upTo; g++) {
                ids.add(g);
            }
            List<Document> found = events.find(new Document(EventDocuments.ID, new Document("$in", ids)))
                    .batchSize(WINDOW).into(new ArrayList<>());
            found.sort(Comparator.comparingLong(EventDocuments::globalSequence));
            for (Document d : found) {
                each.accept(d);
                count++;
            }
        }
        return count;
    }

    /** The events of one case in sequence order, read by stream key until a whole window finds nothing. */
    List<Document> caseEvents(String caseId) {
        List<Document> all = new ArrayList<>();
        for (long from = 0; ; from += WINDOW) {
            List<String> keys = new ArrayList<>(WINDOW);
            for (long s = from; s < from + WINDOW; s++) {
                keys.add(EventDocuments.streamKey(caseId, s));
            }
            List<Document> found = events.find(new Document(EventDocuments.STREAM_KEY, new Document("$in", keys)))
                    .batchSize(WINDOW).into(new ArrayList<>());
            if (found.isEmpty()) {
                break;
            }
            all.addAll(found);
        }
        all.sort(Comparator.comparingLong(d -> d.get(EventDocuments.SEQ, Number.class).longValue()));
        return all;
    }
}
