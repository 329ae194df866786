package casebook.eventstore;

/**
 * Makes every write so far survive a crash before a command is acknowledged. On a real replica set the
 * write concern (majority, journaled) already does this; the embedded server needs an explicit commit.
 */
public interface Durability {

    /** Returns once every write completed before this call is durable. */
    void flush();

    /** For production MongoDB: durability comes from the write concern of each write. */
    Durability WRITE_CONCERN = () -> { };
}
