package casebook.eventstore;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.audit.MetaDataKeys;
import java.time.Instant;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * The stored shape of one event. {@code _id} is the global sequence; {@code sk} ("aggregateId:seq") is
 * unique, which both gives optimistic concurrency (two writers at the same version: one wins) and lets
 * an aggregate be loaded by {@code $in} on one indexed field. Payload and metadata are JSON text as the
 * serializer wrote them, kept verbatim for hashing and export.
 */
final class EventDocuments {

    static final String ID = "_id";
    static final String STREAM_KEY = "sk";
    static final String AGGREGATE_ID = "a";
    static final String SEQ = "s";
    static final String AGGREGATE_TYPE = "t";
    static final String EVENT_ID = "e";
    static final String TIMESTAMP = "ts";
    static final String PAYLOAD_TYPE = "pt";
    static final String PAYLOAD_REVISION = "pr";
    static final String PAYLOAD = "p";
    static final String META_DATA = "m";
    static final String OCCURRED_ON = "o";
    static final String ACTOR = "ac";
    static final String PREV_HASH = "ph";
    static final String HASH = "h";

    private EventDocuments() {
    }

    static String streamKey(String aggregateId, long seq) {
        return aggregateId + ":" + seq;
    }

    static Document toDocument(long globalSequence, EventMessage<?> event, Serializer serializer) {
        return toDocument(globalSequence, event, serializer, null);
    }

    /**
     * The stored event; with {@code prevHash} given, a case event also carries occurredOn, the actor and its
     * place in the case's hash chain ({@link HashChain}).
     */
    static Document toDocument(long globalSequence, EventMessage<?> event, Serializer serializer, String prevHash) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        Document doc = new Document(ID, globalSequence);
        if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
            doc.append(STREAM_KEY, streamKey(domain.getAggregateIdentifier(), domain.getSequenceNumber()))
               .append(AGGREGATE_ID, domain.getAggregateIdentifier())
               .append(SEQ, domain.getSequenceNumber())
               .append(AGGREGATE_TYPE, domain.getType());
        } else {
            // Events outside an aggregate still need a unique stream key: their own identifier.
            doc.append(STREAM_KEY, "~" + event.getIdentifier());
        }
        doc.append(EVENT_ID, event.getIdentifier())
           .append(TIMESTAMP, event.getTimestamp().toString())
           .append(PAYLOAD_TYPE, payload.getType().getName())
           .append(PAYLOAD_REVISION, payload.getType().getRevision())
           .append(PAYLOAD, payload.getData())
           .append(META_DATA, metaData.getData());
        if (prevHash != null && event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
            String occurredOn = event.getPayload() instanceof CaseEvent c && c.occurredOn() != null ? c.occurredOn().toString() : null;
            Object actor = event.getMetaData().get(MetaDataKeys.ACTOR);
            doc.append(OCCURRED_ON, occurredOn).append(ACTOR, actor == null ? null : actor.toString())
               .append(PREV_HASH, prevHash)
               .append(HASH, hashOf(doc, prevHash));
        }
        return doc;
    }

    /** Recomputes an event document's hash from what it stores. */
    static String hashOf(Document doc, String prevHash) {
        return HashChain.hash(prevHash, doc.getString(AGGREGATE_ID), doc.get(SEQ, Number.class).longValue(),
                doc.getString(PAYLOAD_TYPE), doc.getString(OCCURRED_ON), doc.getString(TIMESTAMP), doc.getString(ACTOR),
                doc.getString(PAYLOAD));
    }

    static Document tombstone(long globalSequence, Serializer serializer) {
        SerializedObject<String> payload = serializer.serialize(new Tombstone(globalSequence), String.class);
        return new Document(ID, globalSequence)
                .append(STREAM_KEY, "~tombstone:" + globalSequence)
                .append(EVENT_ID, "tombstone-" + globalSequence)
                .append(TIMESTAMP, Instant.now().toString())
                .append(PAYLOAD_TYPE, payload.getType().getName())
                .append(PAYLOAD_REVISION, payload.getType().getRevision())
                .append(PAYLOAD, payload.getData())
                .append(META_DATA, "{}");
    }

    static DomainEventData<String> toEventData(Document doc) {
        String aggregateId = doc.getString(AGGREGATE_ID);
        Number seq = doc.get(SEQ, Number.class);
        return new StoredEvent(
                doc.getString(AGGREGATE_TYPE),
                aggregateId == null ? doc.getString(EVENT_ID) : aggregateId,
                seq == null ? 0L : seq.longValue(),
                doc.getString(EVENT_ID),
                doc.getString(TIMESTAMP),
                doc.getString(PAYLOAD_TYPE),
                doc.getString(PAYLOAD_REVISION),
                doc.getString(PAYLOAD),
                doc.getString(META_DATA));
    }

    /** A stored event as Axon reads it; its timestamp read by {@link StoredTimestamps}, not Axon's formatter. */
    static final class StoredEvent extends GenericDomainEventEntry<String> {

        private final String timestamp;

        StoredEvent(String type, String aggregateId, long seq, String eventId, String timestamp, String payloadType,
                    String payloadRevision, String payload, String metaData) {
            super(type, aggregateId, seq, eventId, timestamp, payloadType, payloadRevision, payload, metaData);
            this.timestamp = timestamp;
        }

        @Override
        public Instant getTimestamp() {
            return StoredTimestamps.parse(timestamp);
        }
    }

    static long globalSequence(Document doc) {
        return doc.get(ID, Number.class).longValue();
    }
}
