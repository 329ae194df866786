package casebook.audittrail;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.audit.CaseType;
import casebook.kernel.consultation.event.IndividualConsultationOpened;
import casebook.kernel.engagement.event.EngagementRecordCorrected;
import casebook.kernel.engagement.event.EngagementRegistered;
import casebook.kernel.grant.RecipientKind;
import casebook.kernel.grant.event.GrantCaseOpened;
import casebook.kernel.grant.event.GrantRecordCorrected;
import casebook.kernel.inquiry.InquirerKind;
import casebook.kernel.inquiry.event.InquiryReceived;
import casebook.readmodel.BatchWrites;
import casebook.readmodel.Bulk;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The audit documents of one batch: inserted together (a replayed event's duplicate key is ignored),
 * then corrections are marked on the events they correct, and only then each case's {@code lastSeq}
 * moves, so a timeline never names an event document that is not there.
 */
final class PendingAudit implements BatchWrites.Pending {

    static final String KEY = "casebook.audittrail.pending";

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> cases;
    private final List<Document> documents = new ArrayList<>();
    private final List<Document[]> corrections = new ArrayList<>();
    private final Map<String, Document> caseUpdates = new LinkedHashMap<>();

    PendingAudit(MongoCollection<Document> events, MongoCollection<Document> cases) {
        this.events = events;
        this.cases = cases;
    }

    /**
     * Adds one event. Everything that can fail (building the documents) is done before the batch is touched, so an
     * event that fails here, and goes to the dead-letter queue, leaves the batch as it was.
     */
    void add(CaseEvent event, long seq, Instant recordedAt, String actor, String actorRole, String correlationId) {
        Document document = AuditDocuments.event(event, seq, recordedAt, actor, actorRole, correlationId);
        Long corrects = event instanceof EngagementRecordCorrected c ? Long.valueOf(c.correctsEvent())
                : event instanceof GrantRecordCorrected g ? Long.valueOf(g.correctsEvent()) : null;
        CaseType caseType = EventLabels.caseType(event);
        Document caseFields = caseFields(event);

        documents.add(document);
        if (corrects != null) {
            corrections.add(new Document[] {new Document("_id", AuditDocuments.id(event.caseId(), corrects)),
                    new Document("$addToSet", new Document("correctedBy", seq))});
        }
        Document update = caseUpdates.computeIfAbsent(event.caseId(), id -> new Document("$max",
                new Document("lastSeq", seq)).append("$setOnInsert", new Document("caseType",
                caseType == null ? null : caseType.name())));
        update.get("$max", Document.class).put("lastSeq", Math.max(seq, update.get("$max", Document.class).getLong("lastSeq")));
        if (caseFields != null) {
            update.append("$set", caseFields);
        }
    }

    /** What the opening event of a case says about it (bureau, municipality or recipient), or null for other events. */
    private static Document caseFields(CaseEvent event) {
        if (event instanceof EngagementRegistered r) {
            return new Document("bureauCode", r.bureauCode()).append("municipalityName", r.municipalityName());
        }
        if (event instanceof GrantCaseOpened g) {
            Document set = new Document("bureauCode", g.bureauCode()).append("recipientCode", g.recipientCode())
                    .append("recipientName", g.recipientName());
            if (g.recipientKind() == RecipientKind.MUNICIPALITY) {
                set.append("municipalityName", g.recipientName());
            }
            return set;
        }
        if (event instanceof InquiryReceived i) {
            Document set = new Document("bureauCode", i.bureauCode()).append("inquirerCode", i.fromCode())
                    .append("inquirerName", i.fromName());
            if (i.fromKind() == InquirerKind.MUNICIPALITY) {
                set.append("municipalityName", i.fromName());
            }
            return set;
        }
        if (event instanceof IndividualConsultationOpened c) {
            return new Document("bureauCode", c.bureauCode()).append("municipalityCode", c.municipalityCode())
                    .append("municipalityName", c.municipalityName());
        }
        return null;
    }

    @Override
    public void flush() {
        insertOnce();
        Bulk.write(events, corrections.stream().map(c -> new UpdateOneModel<Document>(c[0], c[1])).toList());
        Bulk.write(cases, caseUpdates.entrySet().stream().map(e -> new UpdateOneModel<Document>(
                new Document("_id", e.getKey()), e.getValue(), new UpdateOptions().upsert(true))).toList());
        documents.clear();
        corrections.clear();
        caseUpdates.clear();
    }

    private void insertOnce() {
        if (documents.isEmpty()) {
            return;
        }
        try {
            events.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // Unordered: every other document went in; only replays of events already recorded are refused.
            boolean onlyDuplicates = e.getWriteErrors().stream()
                    .allMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw e;
            }
        }
    }
}
