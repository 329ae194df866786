package casebook.deadletter;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.ThrowableCause;

/**
 * One dead letter as stored: the event (its payload deserialized only when a handler asks for it, so a letter whose
 * payload no longer reads can still be listed, retried and evicted), why it failed, and its place in the queue: the
 * processing group, the sequence (the case) and the event's position in the event log. Immutable; the
 * {@code with…} methods answer changed copies, which {@link MongoDeadLetterQueue#requeue} stores.
 */
public final class MongoDeadLetter implements DeadLetter<EventMessage<?>> {

    private final String group;
    private final String sequence;
    private final long position;
    private final EventMessage<?> message;
    private final Cause cause;
    private final Instant enqueuedAt;
    private final Instant lastTouched;
    private final MetaData diagnostics;
    private final int retries;
    private final Clock clock;

    MongoDeadLetter(String group, String sequence, long position, EventMessage<?> message, Cause cause,
                    Instant enqueuedAt, Instant lastTouched, MetaData diagnostics, int retries, Clock clock) {
        this.group = group;
        this.sequence = sequence;
        this.position = position;
        this.message = message;
        this.cause = cause;
        this.enqueuedAt = enqueuedAt;
        this.lastTouched = lastTouched;
        this.diagnostics = diagnostics == null ? MetaData.emptyInstance() : diagnostics;
        this.retries = retries;
        this.clock = clock;
    }

    public String group() {
        return group;
    }

    /** The sequence identifier: the case the event belongs to. */
    public String sequence() {
        return sequence;
    }

    /** The event's global position in the event log: orders a sequence and names the letter within its group. */
    public long position() {
        return position;
    }

    /** How often a retry of this letter failed. */
    public int retries() {
        return retries;
    }

    @Override
    public EventMessage<?> message() {
        return message;
    }

    @Override
    public Optional<Cause> cause() {
        return Optional.ofNullable(cause);
    }

    @Override
    public Instant enqueuedAt() {
        return enqueuedAt;
    }

    @Override
    public Instant lastTouched() {
        return lastTouched;
    }

    @Override
    public MetaData diagnostics() {
        return diagnostics;
    }

    @Override
    public MongoDeadLetter markTouched() {
        return new MongoDeadLetter(group, sequence, position, message, cause, enqueuedAt, clock.instant(), diagnostics,
                retries, clock);
    }

    /** A null throwable keeps the cause there is (as Axon's own letters do). */
    @Override
    public MongoDeadLetter withCause(Throwable throwable) {
        if (throwable == null) {
            return this;
        }
        Cause newCause = throwable instanceof Cause c ? c : new ThrowableCause(throwable);
        return new MongoDeadLetter(group, sequence, position, message, newCause, enqueuedAt, lastTouched, diagnostics,
                retries, clock);
    }

    @Override
    public MongoDeadLetter withDiagnostics(MetaData newDiagnostics) {
        return new MongoDeadLetter(group, sequence, position, message, cause, enqueuedAt, lastTouched, newDiagnostics,
                retries, clock);
    }

    @Override
    public String toString() {
        return "MongoDeadLetter{" + group + ", sequence " + sequence + ", position " + position + ", event "
                + message.getIdentifier() + ", cause " + cause + ", retries " + retries + "}";
    }
}
