package casebook.axon;

import casebook.audittrail.CaseLog;
import casebook.audittrail.LoggedEvent;
import casebook.eventstore.ChainedEvent;
import casebook.eventstore.MongoEventStorageEngine;
import casebook.kernel.audit.CaseEvent;
import casebook.kernel.audit.MetaDataKeys;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;

/**
 * The audit trail's view of the event store: a case's events as stored, with who recorded them (from their
 * metadata, read as text whatever its type: the trail must never skip an event) and their hash-chain fields.
 */
public class EventStoreCaseLog implements CaseLog {

    private final MongoEventStorageEngine engine;

    public EventStoreCaseLog(MongoEventStorageEngine engine) {
        this.engine = engine;
    }

    @Override
    public List<LoggedEvent> read(String caseId, long fromSeq) {
        List<ChainedEvent> stored = engine.caseEvents(caseId, fromSeq);
        List<LoggedEvent> logged = new ArrayList<>(stored.size());
        for (ChainedEvent e : stored) {
            DomainEventMessage<?> m = e.message();
            if (!(m.getPayload() instanceof CaseEvent event)) {
                // Never a timeline with a gap: an event this build cannot read (written by a newer one) stops it.
                throw new IllegalStateException("event " + m.getSequenceNumber() + " of case " + caseId + " is a "
                        + m.getPayloadType().getName() + ", not a case event this build knows: the case cannot be shown");
            }
            MetaData meta = m.getMetaData();
            logged.add(new LoggedEvent(m.getSequenceNumber(), event, m.getTimestamp(), text(meta.get(MetaDataKeys.ACTOR)),
                    text(meta.get(MetaDataKeys.ACTOR_ROLE)), text(meta.get(MetaDataKeys.CORRELATION_ID)), e.hash(),
                    e.prevHash()));
        }
        return logged;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
