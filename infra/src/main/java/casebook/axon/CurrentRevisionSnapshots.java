package casebook.axon;

import java.util.Objects;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedType;

/**
 * Uses a snapshot only if it was taken of the aggregate's current shape: the revision stored with it must be the
 * {@link Revision} the aggregate class carries now. A snapshot of an older shape would read without error and leave
 * the new fields empty (say, who recorded each event, which decides who may correct it); ignored, the case is
 * loaded from its events instead, which stay authoritative, and the next snapshot has the new shape.
 */
final class CurrentRevisionSnapshots implements SnapshotFilter {

    @Override
    public boolean test(DomainEventData<?> snapshot) {
        SerializedType type = snapshot.getPayload().getType();
        try {
            Revision current = Class.forName(type.getName(), false, getClass().getClassLoader())
                    .getAnnotation(Revision.class);
            return Objects.equals(current == null ? null : current.value(), type.getRevision());
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
