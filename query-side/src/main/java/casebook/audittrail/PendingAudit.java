package casebook.audittrail;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.audit.CaseType;
import casebook.kernel.consultation.event.IndividualConsultationOpened;
import casebook.kernel.engagement.event.EngagementRegistered;
import casebook.kernel.grant.RecipientKind;
import casebook.kernel.grant.event.GrantCaseOpened;
import casebook.kernel.inquiry.InquirerKind;
import casebook.kernel.inquiry.event.InquiryReceived;
import casebook.readmodel.BatchWrites;
import casebook.readmodel.Bulk;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * The case heads of one batch ({@code audit_cases}): each case's type and, from its opening event, its bureau and
 * names, and the last event seen, written together as one bulk write at the end of the batch.
 */
final class PendingAudit implements BatchWrites.Pending {

    static final String KEY = "casebook.audittrail.pending";

    private final MongoCollection<Document> cases;
    private final Map<String, Document> caseUpdates = new LinkedHashMap<>();

    PendingAudit(MongoCollection<Document> cases) {
        this.cases = cases;
    }

    /**
     * Adds one event. Everything that can fail (building the update) is done before the batch is touched, so an
     * event that fails here, and goes to the dead-letter queue, leaves the batch as it was.
     */
    void add(String caseId, Class<?> eventType, long seq, CaseEvent opening) {
        CaseType caseType = EventLabels.caseType(eventType);
        Document caseFields = opening == null ? null : caseFields(opening);

        Document update = caseUpdates.computeIfAbsent(caseId, id -> new Document("$max",
                new Document("lastSeq", seq)).append("$setOnInsert", new Document("caseType",
                caseType == null ? null : caseType.name())));
        update.get("$max", Document.class).put("lastSeq", Math.max(seq, update.get("$max", Document.class).getLong("lastSeq")));
        if (caseFields != null) {
            update.append("$set", caseFields);
        }
    }
    /** Whether events of this type open a case, and so are the only ones whose payload is needed here. */
    static boolean opens(Class<?> eventType) {
        return eventType == EngagementRegistered.class || eventType == GrantCaseOpened.class
                || eventType == InquiryReceived.class || eventType == IndividualConsultationOpened.class;
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
        Bulk.write(cases, caseUpdates.entrySet().stream().map(e -> new UpdateOneModel<Document>(
                new Document("_id", e.getKey()), e.getValue(), new UpdateOptions().upsert(true))).toList());
        caseUpdates.clear();
    }
}
