package casebook.inquiries;

import java.time.Instant;

/**
 * What every case document of this package carries besides its own fields: the id, the sequence number of the last
 * event applied, and when that event was recorded. Subclasses are mutable twins of their views (same field names), so
 * the stored state reads back as the view.
 */
abstract class CaseState {
    public String id;
    public long version;
    public Instant lastRecordedAt;
}
