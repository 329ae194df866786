package casebook.eventstore;

/**
 * What the last append on this thread stored. Axon appends in the committing thread of the command, so
 * after {@code sendAndWait} the sender can read the case's new version and the global position that the
 * projections must reach before the change is visible to queries.
 */
public record AppendReceipt(String aggregateId, long sequenceNumber, long globalSequence) {

    private static final ThreadLocal<AppendReceipt> LAST = new ThreadLocal<>();

    static void record(AppendReceipt receipt) {
        LAST.set(receipt);
    }

    /** Returns and forgets the receipt of this thread's last append, or null if nothing was appended. */
    public static AppendReceipt take() {
        AppendReceipt r = LAST.get();
        LAST.remove();
        return r;
    }
}
