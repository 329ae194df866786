package casebook.audittrail;

import casebook.kernel.audit.query.CaseTimeline;
import casebook.kernel.audit.query.TimelineEntry;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;
import org.bson.Document;
import org.axonframework.queryhandling.QueryHandler;

/** Answers a case's timeline by _id lookups only: the case's lastSeq, then $in batches of event ids. */
public class AuditTrailQueries {

    /** $in costs grow with the square of the id count on the embedded server; 100 stays near 1-4 ms. */
    static final int BATCH = 100;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> cases;

    public AuditTrailQueries(MongoDatabase db) {
        this.events = db.getCollection(AuditDocuments.EVENTS);
        this.cases = db.getCollection(AuditDocuments.CASES);
    }

    /** Every event of the case in sequence order; empty for an unknown case. */
    @QueryHandler
    public List<TimelineEntry> timeline(CaseTimeline query) {
        Document head = query.caseId() == null ? null
                : cases.find(new Document("_id", query.caseId())).limit(1).first();
        if (head == null || head.get("lastSeq") == null) {
            return List.of();
        }
        long lastSeq = head.get("lastSeq", Number.class).longValue();
        List<TimelineEntry> entries = new ArrayList<>();
        for (long from = 0; from <= lastSeq; from += BATCH) {
            List<String> ids = LongStream.rangeClosed(from, Math.min(from + BATCH - 1, lastSeq))
                    .mapToObj(seq -> AuditDocuments.id(query.caseId(), seq)).toList();
            for (Document d : events.find(Filters.in("_id", ids)).batchSize(BATCH)) {
                entries.add(AuditDocuments.entry(d));
            }
        }
        entries.sort(Comparator.comparingLong(TimelineEntry::seq));
        return entries;
    }
}
