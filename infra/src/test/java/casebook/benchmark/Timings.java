package casebook.benchmark;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * Concurrent timed loops: the raw driver's operations on the application's own embedded server (insertOne into a
 * scratch collection, a sequential scan of {@code events}, equality finds by {@code _id}), and HTTP reads.
 */
final class Timings {

    /** {@code count} operations by {@code threads} threads: rate, p50/p99 latency and the mean answer size. */
    record Timed(int threads, long count, double rate, double p50Ms, double p99Ms, double meanBytes) {
    }

    /** One timed operation; answers the size of what it read (bytes or documents), 0 when that means nothing. */
    interface Op {
        long run(int thread, long i) throws Exception;
    }

    private Timings() {
    }

    static Timed loop(int threads, long count, Op op) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        long[] latencies = new long[Math.toIntExact(count)];
        List<Throwable> failures = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers.add(new Thread(() -> {
                try {
                    for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        bytes.addAndGet(op.run(thread, i));
                        latencies[(int) i] = System.nanoTime() - t0;
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "timed-" + t));
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join();
        }
        long nanos = System.nanoTime() - start;
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a timed operation failed: " + failures.get(0), failures.get(0));
        }
        Arrays.sort(latencies);
        return new Timed(threads, count, AppendReplayBenchmark.perSecond(count, nanos), NationalLoad.percentileMs(latencies, 0.5),
                NationalLoad.percentileMs(latencies, 0.99), (double) bytes.get() / count);
    }

    /**
     * Raw insertOne of event-shaped documents (RawBaseline.eventLike) into a scratch collection, dropped afterwards;
     * at least {@code docs} of them and for at least {@code seconds}, so that the raw figures span as many of the
     * embedded store's periodic pauses (commits, chunk rewrites) as the Casebook phase they are compared with.
     */
    static Timed rawInsert(MongoDatabase db, int threads, long docs, double seconds) throws InterruptedException {
        return rawInsert(db, threads, docs, seconds, false);
    }

    /**
     * As {@link #rawInsert(MongoDatabase, int, long, double)}; {@code durable} also waits, after each insert, for the
     * embedded server's durable commit (its {@value casebook.embedded.EmbeddedMongo#DURABLE_COMMIT} command), the rule
     * by which Casebook acknowledges a command: the raw baseline with the same guarantee.
     */
    static Timed rawInsert(MongoDatabase db, int threads, long docs, double seconds, boolean durable)
            throws InterruptedException {
        Document commit = new Document(casebook.embedded.EmbeddedMongo.DURABLE_COMMIT, 1);
        MongoCollection<Document> scratch = db.getCollection("benchmark_scratch");
        scratch.createIndex(new Document("sk", 1), new IndexOptions().unique(true)); // as on the events collection
        try {
            AtomicLong next = new AtomicLong();
            long until = System.nanoTime() + (long) (seconds * 1e9);
            List<long[]> perThread = new ArrayList<>();
            long[] counts = new long[threads];
            List<Thread> workers = new ArrayList<>();
            List<Throwable> failures = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                perThread.add(new long[1024]);
                workers.add(new Thread(() -> {
                    try {
                        long[] mine = perThread.get(thread);
                        int n = 0;
                        while (true) {
                            long i = next.getAndIncrement();
                            if (i >= docs && System.nanoTime() >= until) {
                                break;
                            }
                            long t0 = System.nanoTime();
                            scratch.insertOne(RawBaseline.eventLike(i + 1));
                            if (durable) {
                                db.runCommand(commit);
                            }
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = System.nanoTime() - t0;
                        }
                        synchronized (perThread) {
                            perThread.set(thread, mine);
                            counts[thread] = n;
                        }
                    } catch (RuntimeException e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    }
                }, "raw-insert-" + t));
            }
            workers.forEach(Thread::start);
            for (Thread w : workers) {
                w.join();
            }
            long nanos = System.nanoTime() - start;
            if (!failures.isEmpty()) {
                throw new IllegalStateException("a raw insert failed: " + failures.get(0), failures.get(0));
            }
            long total = Arrays.stream(counts).sum();
            long[] all = new long[Math.toIntExact(total)];
            int at = 0;
            for (int t = 0; t < threads; t++) {
                System.arraycopy(perThread.get(t), 0, all, at, (int) counts[t]);
                at += (int) counts[t];
            }
            Arrays.sort(all);
            return new Timed(threads, total, AppendReplayBenchmark.perSecond(total, nanos), NationalLoad.percentileMs(all, 0.5),
                    NationalLoad.percentileMs(all, 0.99), 0);
        } finally {
            scratch.drop();
        }
    }

    /**
     * Every event read in global order by {@code _id} (its global sequence number), 100 per {@code $in}: the raw
     * driver's sequential read of the log with bounded memory. A plain {@code find()} is not usable at a million
     * events: the embedded server builds the whole result in its heap before the first batch (measured: a 1 GB heap
     * ran out at 1,006,300 events), and Casebook's own stream reads this way for that reason.
     */
    static Timed rawRead(MongoDatabase db, String collection, long head) {
        MongoCollection<Document> c = db.getCollection(collection);
        long start = System.nanoTime();
        long n = 0;
        for (long from = 1; from <= head; from += 100) {
            List<Long> ids = new ArrayList<>(100);
            for (long g = from; g < from + 100 && g <= head; g++) {
                ids.add(g);
            }
            for (Document ignored : c.find(new Document("_id", new Document("$in", ids))).batchSize(100)) {
                n++;
            }
        }
        long nanos = System.nanoTime() - start;
        return new Timed(1, n, AppendReplayBenchmark.perSecond(n, nanos), 0, 0, 0);
    }

    /** A sequential scan of the whole events collection with batchSize(1000), as a rebuild would need to read it. */
    static Timed rawScan(MongoDatabase db, String collection) {
        long start = System.nanoTime();
        long n = 0;
        try (MongoCursor<Document> all = db.getCollection(collection).find().batchSize(1000).iterator()) {
            while (all.hasNext()) {
                all.next();
                n++;
            }
        }
        long nanos = System.nanoTime() - start;
        return new Timed(1, n, AppendReplayBenchmark.perSecond(n, nanos), 0, 0, 0);
    }

    /** The _ids of a collection (read once with a projection, in batches). */
    static List<Object> ids(MongoDatabase db, String collection) {
        List<Object> ids = new ArrayList<>();
        for (Document d : db.getCollection(collection).find().projection(new Document("_id", 1)).batchSize(1000)) {
            ids.add(d.get("_id"));
        }
        return ids;
    }

    /** Equality finds {@code {_id: x}} of random existing documents of the collection. */
    static Timed rawFind(MongoDatabase db, String collection, List<Object> ids, int threads, long count) throws InterruptedException {
        MongoCollection<Document> c = db.getCollection(collection);
        Random seed = new Random(7);
        long[] picks = seed.longs(count, 0, ids.size()).toArray();
        return loop(threads, count, (t, i) -> {
            Document d = c.find(new Document("_id", ids.get((int) picks[(int) i]))).first();
            if (d == null) {
                throw new IllegalStateException("no " + collection + " document " + ids.get((int) picks[(int) i]));
            }
            return 1;
        });
    }
}
