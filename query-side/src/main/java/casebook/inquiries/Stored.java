package casebook.inquiries;

/**
 * A case document as loaded: the state being changed, the version it was stored at, and the bucket it was filed in
 * then (so that a change of bucket is noticed at the write).
 */
record Stored<S extends CaseState>(S state, long version, String bucket) {

    /** Axon numbers an aggregate's events from 0, so a missing document stands at -1. */
    static final long NONE = -1;
}
