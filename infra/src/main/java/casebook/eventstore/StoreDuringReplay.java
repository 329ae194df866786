package casebook.eventstore;

/**
 * What the database does differently while a replay reads the whole event log once (a rebuild of every read model,
 * the replay after a restore): nothing on a real MongoDB; the embedded store shrinks its page cache and holds back its
 * rewrite of sparse chunks (ADR 0023).
 */
public interface StoreDuringReplay {

    /** Called as a replay of the whole log starts; the store goes back to its usual self when the answer is closed. */
    Replaying replayStarts();

    /** A replay in progress, as far as the store is concerned; closing it twice is harmless. */
    interface Replaying extends AutoCloseable {
        @Override
        void close();
    }

    /** For a store that does nothing differently. */
    StoreDuringReplay UNCHANGED = () -> () -> { };
}
