package casebook.eventstore;

/**
 * Fills a global sequence number whose event was refused (a concurrency conflict), so readers need not
 * wait for it as a gap. It reaches processors as an event no one handles.
 */
public record Tombstone(long globalSequence) {
}
