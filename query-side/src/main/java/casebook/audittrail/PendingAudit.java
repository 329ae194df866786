package casebook.audittrail;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.audit.CaseType;
import casebook.kernel.consultation.event.IndividualConsultationOpened;
import casebook.kernel.engagement.event.EngagementRegistered;
import casebook.kernel.grant.RecipientKind;
import casebook.kernel.grant.event.GrantCaseOpened;
import casebook.kernel.inquiry.InquirerKind;
import casebook.kernel.inquiry.event.InquiryReceived;
import casebook.readmodel.Bulk;
import casebook.readmodel.CasesOfABatch;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.Message;
import org.bson.Document;

/**
 * The case heads of one batch ({@code audit_cases}): each case's type and, from its opening event, its bureau and
 * names, and the last event seen, written together as one bulk write at the end of the batch.
 *
 * <p>A head is never read back: it is written as an upsert with {@code $max} of the last sequence number, so the
 * changes of many events, of one batch or (during a replay, ADR 0020) of many batches, fold into one update per case.
 * That is why a replay can keep heads unwritten from batch to batch like any other case, and more of them: a head is
 * a few hundred bytes, and one per event would otherwise be most of what a rebuild writes.
 */
final class PendingAudit extends CasesOfABatch<PendingAudit.Head, Document> {

    static final String KEY = "casebook.audittrail.pending";

    /** Enough for every case a replay has open at once in one segment's slice of ten national years. */
    private static final int KEPT_WHILE_REPLAYING = 5_000;

    private final MongoCollection<Document> cases;

    PendingAudit(MongoCollection<Document> cases) {
        this.cases = cases;
    }

    /**
     * Adds one event. Everything that can fail (reading the opening event's fields) is done before the head is
     * touched, so an event that fails here, and goes to the dead-letter queue, leaves the head as it was.
     */
    void add(String caseId, Class<?> eventType, long seq, CaseEvent opening) {
        applyEvent(caseId, () -> {
            CaseType caseType = EventLabels.caseType(eventType);
            Document caseFields = opening == null ? null : caseFields(opening);
            Head head = load(caseId);
            if (head == null) {
                head = fresh(caseId);
            }
            head.add(caseId, caseType, seq, caseFields);
            changed(caseId, head);
        });
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

    /** Heads are written blind (upserts), never read: a case not changed yet in this batch starts empty. */
    @Override
    protected Head read(String id) {
        return null;
    }

    @Override
    protected Map<String, Document> fetchAll(List<String> ids) {
        return Map.of();
    }

    @Override
    protected Head decode(Document document) {
        throw new UnsupportedOperationException("audit heads are never read back");
    }

    /** Nothing to read ahead, and no payload but an opening event's is needed: the batch's events are not looked at. */
    @Override
    public void batchStarts(List<? extends Message<?>> messages) {
    }

    @Override
    protected Head empty() {
        return new Head();
    }

    @Override
    protected int keptWhileReplaying() {
        return KEPT_WHILE_REPLAYING;
    }

    @Override
    protected void write(Head head) {
        writeAll(List.of(head));
    }

    @Override
    protected void writeAll(List<Head> heads) {
        Bulk.write(cases, heads.stream().map(Head::upsert).toList());
    }

    /** What the events seen so far say about one case's head; written as one upsert. */
    static final class Head {
        private String caseId;
        private String caseType;
        private long lastSeq = -1;
        private Document caseFields;

        void add(String caseId, CaseType caseType, long seq, Document caseFields) {
            this.caseId = caseId;
            if (this.caseType == null && caseType != null) {
                this.caseType = caseType.name();
            }
            lastSeq = Math.max(lastSeq, seq);
            if (caseFields != null) {
                this.caseFields = caseFields;
            }
        }

        /** {@code $max}, so an older head written late (or a replay of events already seen) moves nothing back. */
        UpdateOneModel<Document> upsert() {
            Document update = new Document("$max", new Document("lastSeq", lastSeq))
                    .append("$setOnInsert", new Document("caseType", caseType));
            if (caseFields != null) {
                update.append("$set", caseFields);
            }
            return new UpdateOneModel<>(new Document("_id", caseId), update, new UpdateOptions().upsert(true));
        }
    }
}
