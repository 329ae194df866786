package casebook.deadletter;

import java.time.Instant;
import org.bson.Document;

/**
 * One dead letter as an administrator sees it: which case and event, why it failed (no error: it waits behind an
 * earlier failure of its case), when, and how often a retry failed. Read from the stored document without touching
 * the payload, so a letter whose payload no longer reads is still listed; the payload itself is case data and stays
 * out of the list.
 *
 * @param caseId         the sequence: the case the event belongs to
 * @param position       the event's position in the event log; names the letter within its processing group
 * @param eventType      the event's simple type name, as in a case's timeline
 * @param sequenceNumber the event's number within its case
 */
public record DeadLetterSummary(String processingGroup, String caseId, long position, String eventType,
                                Long sequenceNumber, String eventId, Instant recordedAt, String errorType,
                                String errorMessage, Instant enqueuedAt, Instant lastTouched, int retries) {

    static DeadLetterSummary of(Document doc) {
        String type = doc.getString(LetterDocuments.PAYLOAD_TYPE);
        return new DeadLetterSummary(doc.getString(LetterDocuments.GROUP), doc.getString(LetterDocuments.SEQUENCE),
                doc.getLong(LetterDocuments.POSITION), simpleName(type),
                doc.getLong(LetterDocuments.SEQUENCE_NUMBER), doc.getString(LetterDocuments.EVENT_ID),
                Instant.parse(doc.getString(LetterDocuments.TIMESTAMP)), doc.getString(LetterDocuments.CAUSE_TYPE),
                doc.getString(LetterDocuments.CAUSE_MESSAGE), doc.getDate(LetterDocuments.ENQUEUED_AT).toInstant(),
                doc.getDate(LetterDocuments.LAST_TOUCHED).toInstant(), doc.getInteger(LetterDocuments.RETRIES, 0));
    }

    private static String simpleName(String typeName) {
        return typeName == null ? null : typeName.substring(Math.max(typeName.lastIndexOf('.'), typeName.lastIndexOf('$')) + 1);
    }
}
