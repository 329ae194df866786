package casebook.grantwork;

import casebook.kernel.grant.query.GrantCaseSummary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deadline boards of single buckets as of today, each made again only when its own rows change or the day
 * does: a write to this year's bucket leaves the boards of the years before it as they were, so the next officer's
 * board sorts one bucket's steps, not those of all four or five years it shows. Bounded, least recently used out.
 */
final class BucketBoards {

    private final BoardItems items;
    private final int maxBuckets;
    private final Map<String, BucketBoard> byBucket;

    BucketBoards(BoardItems items, int maxBuckets) {
        this.items = items;
        this.maxBuckets = maxBuckets;
        this.byBucket = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, BucketBoard> eldest) {
                return size() > BucketBoards.this.maxBuckets;
            }
        };
    }

    /** The boards of the buckets {@code rows} belong to, as of {@code today}. */
    List<BucketBoard> of(List<GrantCaseSummary> rows, LocalDate today) {
        Map<String, List<GrantCaseSummary>> rowsByBucket = new LinkedHashMap<>();
        for (GrantCaseSummary row : rows) {
            rowsByBucket.computeIfAbsent(GrantBuckets.bucketId(row.bureauCode(), row.targetFiscalYear()),
                    id -> new ArrayList<>()).add(row);
        }
        List<BucketBoard> boards = new ArrayList<>(rowsByBucket.size());
        for (Map.Entry<String, List<GrantCaseSummary>> bucket : rowsByBucket.entrySet()) {
            BucketBoard held;
            synchronized (byBucket) {
                held = byBucket.get(bucket.getKey());
            }
            if (held == null || !held.madeFrom(bucket.getValue(), today)) {
                held = BucketBoard.of(bucket.getValue(), today, items.of(bucket.getValue(), today));
                synchronized (byBucket) {
                    byBucket.put(bucket.getKey(), held);
                }
            }
            boards.add(held);
        }
        return boards;
    }
}
