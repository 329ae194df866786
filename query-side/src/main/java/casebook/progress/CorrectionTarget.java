package casebook.progress;

/**
 * What an event that may later be corrected changed: its type and the thing it named (milestone key, item id).
 * A correction names only the sequence number, so the projection keeps these per sequence number.
 */
record CorrectionTarget(String type, String key) {
}
