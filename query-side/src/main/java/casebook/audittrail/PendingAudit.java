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
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
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

    void add(CaseEvent event, long seq, Instant recordedAt, String actor, String actorRole, String correlationId) {
        documents.add(AuditDocuments.event(event, seq, recordedAt, actor, actorRole, correlationId));
        Long corrects = event instanceof EngagementRecordCorrected c ? Long.valueOf(c.correctsEvent())
                : event instanceof GrantRecordCorrected g ? Long.valueOf(g.correctsEvent()) : null;
        if (corrects != null) {
            corrections.add(new Document[] {new Document("_id", AuditDocuments.id(event.caseId(), corrects)),
                    new Document("$addToSet", new Document("correctedBy", seq))});
        }
        Document update = caseUpdates.computeIfAbsent(event.caseId(), id -> {
            CaseType caseType = EventLabels.caseType(event);
            return new Document("$max", new Document("lastSeq", seq))
                    .append("$setOnInsert", new Document("caseType", caseType == null ? null : caseType.name()));
        });
        update.get("$max", Document.class).put("lastSeq", Math.max(seq, update.get("$max", Document.class).getLong("lastSeq")));
        if (event instanceof EngagementRegistered r) {
            update.append("$set", new Document("bureauCode", r.bureauCode()).append("municipalityName", r.municipalityName()));
        } else if (event instanceof GrantCaseOpened g) {
            Document set = new Document("bureauCode", g.bureauCode()).append("recipientCode", g.recipientCode())
                    .append("recipientName", g.recipientName());
            if (g.recipientKind() == RecipientKind.MUNICIPALITY) {
                set.append("municipalityName", g.recipientName());
            }
            update.append("$set", set);
        } else if (event instanceof InquiryReceived i) {
            Document set = new Document("bureauCode", i.bureauCode()).append("inquirerCode", i.fromCode())
                    .append("inquirerName", i.fromName());
            if (i.fromKind() == InquirerKind.MUNICIPALITY) {
                set.append("municipalityName", i.fromName());
            }
            update.append("$set", set);
        } else if (event instanceof IndividualConsultationOpened c) {
            update.append("$set", new Document("bureauCode", c.bureauCode())
                    .append("municipalityCode", c.municipalityCode()).append("municipalityName", c.municipalityName()));
        }
    }

    @Override
    public void flush() {
        insertOnce();
        corrections.forEach(c -> events.updateOne(c[0], c[1]));
        caseUpdates.forEach((caseId, update) -> cases.updateOne(new Document("_id", caseId), update,
                new UpdateOptions().upsert(true)));
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
