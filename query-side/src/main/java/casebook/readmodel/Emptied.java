package casebook.readmodel;

import com.mongodb.client.MongoCollection;

/**
 * Empties a read model's collection for a rebuild by dropping it, never with {@code deleteMany({})}: on the embedded
 * server a delete of every document reads and decodes all of them at once (the read models of a million-event store
 * ran a 1 GB heap out of memory), and on a replica set it deletes and replicates them one by one, where a drop is one
 * operation. A collection that has an index of its own makes it again after the drop.
 * <p>
 * Dropped whether or not it looks empty: MongoDB's fast count ({@code estimatedDocumentCount}) can be wrong after an
 * unclean shutdown, and a collection wrongly thought empty would keep its stale documents through the rebuild. A
 * collection that does not exist (the retired {@code audit_events}, or consultations on a store without any) answers
 * "ns not found", which the driver ignores (and the embedded server no longer logs: {@code CommitLockingBackend}).
 */
public final class Emptied {

    private Emptied() {
    }

    public static void drop(MongoCollection<?> collection) {
        collection.drop();
    }
}
