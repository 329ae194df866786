package casebook.authorship;

import casebook.kernel.audit.MetaDataKeys;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;

/**
 * Who recorded each event of a case, by sequence number: the actor in the event's metadata, which comes from the
 * signed-in principal of the command that caused it. A case aggregate holds one as an {@code @AggregateMember}, so
 * that it sees every event the case applies (from the store or live) without each handler having to pass the actor
 * on; it is part of the case's snapshots.
 *
 * <p>The rule it serves, 訂正 of others' records: a case officer may correct only the events they recorded
 * themselves; correcting an event someone else recorded is a supervisor's. An event whose author is unknown counts
 * as someone else's.
 */
public class Authors {

    /** The supervisor's role as the command's metadata carries it (infra's Role.SUPERVISOR). */
    static final String SUPERVISOR = "SUPERVISOR";

    private final Map<Long, String> bySequence = new HashMap<>();

    @EventSourcingHandler
    void on(Object event, @SequenceNumber long seq, @MetaDataValue(MetaDataKeys.ACTOR) Object actor) {
        bySequence.put(seq, actor == null ? null : actor.toString());
    }

    /** The actor who recorded event {@code seq}, or null if the case does not know. */
    public String of(long seq) {
        return bySequence.get(seq);
    }

    /**
     * Refuses (403) a correction of event {@code seq} by {@code actor} in {@code role} unless they recorded it
     * themselves or are a supervisor. Actor and role are the command's metadata, from the principal, never a body.
     */
    public void checkMayCorrect(long seq, String actor, String role) {
        String author = of(seq);
        if (SUPERVISOR.equals(role) || (author != null && author.equals(actor))) {
            return;
        }
        throw new NotYourRecord(seq, author);
    }
}
