package casebook.readmodel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The rows of sets of buckets as last read, each kept with the buckets' stamps it was read under
 * ({@link BucketStamps}): while the stamps are the same, the rows are the same, and a list, matrix or board is
 * answered without reading or decoding them again. Officers open the same few lists all day, each hundreds of rows.
 * Bounded, least recently used out; the rows lists are shared and must not be changed by their readers.
 *
 * @param <R> a row
 */
public final class StampedRows<R> {

    private record Kept<R>(Map<String, Long> stamps, List<R> rows) {
    }

    private final BucketStamps stamps;
    private final Map<List<String>, Kept<R>> kept;

    public StampedRows(BucketStamps stamps, int maxBucketSets) {
        this.stamps = stamps;
        this.kept = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<List<String>, Kept<R>> eldest) {
                return size() > maxBucketSets;
            }
        };
    }

    /**
     * The rows of these buckets: the kept ones if their stamps have not moved, else {@code read}'s (which must read
     * the rows after this method has read the stamps; it does, being called after).
     */
    public List<R> rows(List<String> bucketIds, Supplier<List<R>> read) {
        List<String> key = List.copyOf(bucketIds);
        Map<String, Long> now = stamps.read(key);
        if (now != null) {
            Kept<R> held;
            synchronized (kept) {
                held = kept.get(key);
            }
            if (held != null && held.stamps().equals(now)) {
                return held.rows();
            }
        }
        List<R> rows = List.copyOf(read.get());
        if (now != null) {
            synchronized (kept) {
                kept.put(key, new Kept<>(now, rows));
            }
        }
        return rows;
    }
}
