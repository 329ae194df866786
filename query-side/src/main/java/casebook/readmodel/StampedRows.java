package casebook.readmodel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    /** The bucket sets being read just now, each with the monitor its other readers wait on. */
    private final Map<List<String>, Object> reading = new ConcurrentHashMap<>();

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
     * <p>
     * One reader per bucket set at a time: when many readers miss the same set at once (the morning after a restart
     * or a rebuild, every officer of a bureau opening the same list), the others wait for the first one's rows instead
     * of each reading the same hundreds of rows. Measured at a million events, 64 readers that all missed made some
     * answers wait more than ten seconds. A waiter reads the stamps again once it is its turn, so it takes the rows
     * just read only if nothing has been written to those buckets since.
     */
    public List<R> rows(List<String> bucketIds, Supplier<List<R>> read) {
        List<String> key = List.copyOf(bucketIds);
        Map<String, Long> now = stamps.read(key);
        if (now == null) {
            return List.copyOf(read.get());
        }
        List<R> held = keptUnder(key, now);
        if (held != null) {
            return held;
        }
        Object turn = reading.computeIfAbsent(key, k -> new Object());
        try {
            synchronized (turn) {
                now = stamps.read(key);
                if (now == null) {
                    return List.copyOf(read.get());
                }
                held = keptUnder(key, now);
                if (held != null) {
                    return held;
                }
                List<R> rows = List.copyOf(read.get());
                synchronized (kept) {
                    kept.put(key, new Kept<>(now, rows));
                }
                return rows;
            }
        } finally {
            // A reader arriving after this may make a new turn and read alongside a waiter of this one: at worst the
            // same rows read twice, as before; the map does not grow with every bucket set ever asked for.
            reading.remove(key, turn);
        }
    }

    private List<R> keptUnder(List<String> key, Map<String, Long> now) {
        Kept<R> held;
        synchronized (kept) {
            held = kept.get(key);
        }
        return held != null && held.stamps().equals(now) ? held.rows() : null;
    }
}
