package casebook.readmodel;

import com.mongodb.client.MongoCollection;

/**
 * Empties a read model's collection for a rebuild by dropping it, never with {@code deleteMany({})}: on the embedded
 * server a delete of every document reads and decodes all of them at once (the read models of a million-event store
 * ran a 1 GB heap out of memory), and on a replica set it deletes and replicates them one by one, where a drop is one
 * operation. A collection that has an index of its own makes it again after the drop. An empty or missing one is left
 * as it is: the embedded server logs the drop of a missing collection as an error.
 */
public final class Emptied {

    private Emptied() {
    }

    public static void drop(MongoCollection<?> collection) {
        // The count is the collection's size kept by the server (metadata), not a scan.
        if (collection.estimatedDocumentCount() > 0) {
            collection.drop();
        }
    }
}
