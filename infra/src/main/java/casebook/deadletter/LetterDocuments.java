package casebook.deadletter;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.OptionalLong;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stored shape of a dead letter (collection {@code dead_letters}): the event as the event store keeps it (payload
 * and metadata as the application's serializer writes them), the tracking token, the cause, the times and the number
 * of failed retries. Field names are spelled out, for whoever reads the collection by hand.
 */
final class LetterDocuments {

    static final String ID = "_id";
    static final String GROUP = "group";
    static final String SEQUENCE = "sequence";
    static final String POSITION = "position";
    static final String EVENT_ID = "eventId";
    static final String AGGREGATE_TYPE = "aggregateType";
    static final String AGGREGATE_ID = "aggregateId";
    static final String SEQUENCE_NUMBER = "sequenceNumber";
    static final String TIMESTAMP = "timestamp";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";
    static final String TOKEN_TYPE = "tokenType";
    static final String TOKEN = "token";
    static final String CAUSE_TYPE = "causeType";
    static final String CAUSE_MESSAGE = "causeMessage";
    static final String ENQUEUED_AT = "enqueuedAt";
    static final String LAST_TOUCHED = "lastTouched";
    static final String RETRIES = "retries";
    static final String DIAGNOSTICS = "diagnostics";

    /** Enough to tell what went wrong; a stack trace belongs in the log. */
    static final int MAX_CAUSE_MESSAGE = 2_000;

    private static final Logger log = LoggerFactory.getLogger(LetterDocuments.class);

    private LetterDocuments() {
    }

    /** A letter is named by its group and its event's position in the log: unique, and the same when offered again. */
    static String id(String group, long position) {
        return group + ":" + position;
    }

    /**
     * The event's position in the event log. Dead letters are for streaming processors, whose events all carry a
     * token with a position; ordering a sequence by it keeps a case's events in their true order even when a batch
     * is redelivered and parks an event after a later one.
     */
    static long positionOf(EventMessage<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            OptionalLong position = tracked.trackingToken().position();
            if (position.isPresent()) {
                return position.getAsLong();
            }
        }
        throw new IllegalArgumentException("event " + message.getIdentifier() + " has no position in the event log; "
                + "only events of a streaming processor can be dead-lettered");
    }

    static Document toDocument(String group, String sequence, DeadLetter<? extends EventMessage<?>> letter,
                               Serializer serializer) {
        EventMessage<?> message = letter.message();
        long position = positionOf(message);
        // serializePayload hands over the stored form of an event read from the store, unread: a payload that no
        // longer deserializes can still be dead-lettered.
        SerializedObject<String> payload = message.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = message.serializeMetaData(serializer, String.class);
        Document doc = new Document(ID, id(group, position)).append(GROUP, group).append(SEQUENCE, sequence)
                .append(POSITION, position).append(EVENT_ID, message.getIdentifier());
        if (message instanceof DomainEventMessage<?> domain) {
            doc.append(AGGREGATE_TYPE, domain.getType()).append(AGGREGATE_ID, domain.getAggregateIdentifier())
                    .append(SEQUENCE_NUMBER, domain.getSequenceNumber());
        }
        doc.append(TIMESTAMP, message.getTimestamp().toString())
                .append(PAYLOAD_TYPE, payload.getType().getName())
                .append(PAYLOAD_REVISION, payload.getType().getRevision())
                .append(PAYLOAD, payload.getData())
                .append(META_DATA, metaData.getData());
        TrackingToken token = ((TrackedEventMessage<?>) message).trackingToken();
        SerializedObject<String> serializedToken = serializer.serialize(token, String.class);
        doc.append(TOKEN_TYPE, serializedToken.getType().getName()).append(TOKEN, serializedToken.getData());
        appendCause(doc, letter.cause().orElse(null));
        return doc.append(ENQUEUED_AT, Date.from(letter.enqueuedAt()))
                .append(LAST_TOUCHED, Date.from(letter.lastTouched()))
                .append(RETRIES, 0)
                .append(DIAGNOSTICS, serializer.serialize(letter.diagnostics(), String.class).getData());
    }

    static Document appendCause(Document doc, Cause cause) {
        return doc.append(CAUSE_TYPE, cause == null ? null : cause.type())
                .append(CAUSE_MESSAGE, cause == null ? null : truncate(cause.message()));
    }

    static MongoDeadLetter toLetter(Document doc, Serializer serializer, Clock clock) {
        String causeType = doc.getString(CAUSE_TYPE);
        Cause cause = causeType == null ? null : new ThrowableCause(causeType, doc.getString(CAUSE_MESSAGE));
        return new MongoDeadLetter(doc.getString(GROUP), doc.getString(SEQUENCE), doc.getLong(POSITION),
                message(doc, serializer), cause, doc.getDate(ENQUEUED_AT).toInstant(),
                doc.getDate(LAST_TOUCHED).toInstant(), diagnostics(doc, serializer), doc.getInteger(RETRIES, 0), clock);
    }

    /** The event as a handler sees it, deserialized lazily like an event read from the store. */
    private static EventMessage<?> message(Document doc, Serializer serializer) {
        SerializedMessage<?> serialized = new SerializedMessage<>(doc.getString(EVENT_ID),
                new SimpleSerializedObject<>(doc.getString(PAYLOAD), String.class, doc.getString(PAYLOAD_TYPE),
                        doc.getString(PAYLOAD_REVISION)),
                new SimpleSerializedObject<>(doc.getString(META_DATA), String.class, MetaData.class.getName(), null),
                serializer);
        Instant timestamp = Instant.parse(doc.getString(TIMESTAMP));
        TrackingToken token = token(doc, serializer);
        if (doc.getString(AGGREGATE_ID) != null) {
            DomainEventMessage<?> domain = new GenericDomainEventMessage<>(doc.getString(AGGREGATE_TYPE),
                    doc.getString(AGGREGATE_ID), doc.getLong(SEQUENCE_NUMBER), serialized, () -> timestamp);
            return token == null ? domain : new GenericTrackedDomainEventMessage<>(token, domain);
        }
        EventMessage<?> event = new GenericEventMessage<>(serialized, () -> timestamp);
        return token == null ? event : new GenericTrackedEventMessage<>(token, event);
    }

    /** The token is kept for completeness; the projections do not read it, so one that no longer reads is left out. */
    private static TrackingToken token(Document doc, Serializer serializer) {
        if (doc.getString(TOKEN) == null) {
            return null;
        }
        try {
            return serializer.deserialize(new SimpleSerializedObject<>(doc.getString(TOKEN), String.class,
                    doc.getString(TOKEN_TYPE), null));
        } catch (RuntimeException e) {
            log.warn("dead letter {}: tracking token unreadable, left out: {}", doc.get(ID), e.getMessage());
            return null;
        }
    }

    static MetaData diagnostics(Document doc, Serializer serializer) {
        String diagnostics = doc.getString(DIAGNOSTICS);
        return diagnostics == null ? MetaData.emptyInstance() : serializer.deserialize(new SimpleSerializedObject<>(
                diagnostics, String.class, MetaData.class.getName(), null));
    }

    static String truncate(String text) {
        return text == null || text.length() <= MAX_CAUSE_MESSAGE ? text : text.substring(0, MAX_CAUSE_MESSAGE) + "…";
    }
}
