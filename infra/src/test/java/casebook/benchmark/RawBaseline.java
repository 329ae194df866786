package casebook.benchmark;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

/**
 * Step 1: the plain driver on the same embedded server, with documents shaped like stored events (see
 * EventDocuments: _id = global sequence, unique "sk", the payload and metadata as JSON text), in a scratch
 * collection that is dropped afterwards.
 */
final class RawBaseline {

    record Result(int docs, int docBytes, double insertRate, double scanRate, double inRate) {
    }

    private static final String SCRATCH = "benchmark_scratch";
    private static final int IN_CHUNK = 100;

    private RawBaseline() {
    }

    static Result run(MongoDatabase db, int docs, int clients) throws InterruptedException {
        MongoCollection<Document> scratch = db.getCollection(SCRATCH);
        scratch.createIndex(new Document("sk", 1), new IndexOptions().unique(true)); // as on the events collection
        try {
            System.out.printf("raw: inserting %d documents with %d threads%n", docs, clients);
            AtomicLong next = new AtomicLong();
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                threads.add(new Thread(() -> {
                    for (long id = next.incrementAndGet(); id <= docs; id = next.incrementAndGet()) {
                        scratch.insertOne(eventLike(id));
                    }
                }, "raw-insert-" + c));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            double insertRate = AppendReplayBenchmark.perSecond(docs, System.nanoTime() - start);

            start = System.nanoTime();
            long scanned = 0;
            try (MongoCursor<Document> all = scratch.find().batchSize(1000).iterator()) {
                while (all.hasNext()) {
                    all.next();
                    scanned++;
                }
            }
            double scanRate = AppendReplayBenchmark.perSecond(scanned, System.nanoTime() - start);

            start = System.nanoTime();
            long found = 0;
            for (long from = 1; from <= docs; from += IN_CHUNK) {
                List<Long> ids = new ArrayList<>(IN_CHUNK);
                for (long id = from; id < from + IN_CHUNK && id <= docs; id++) {
                    ids.add(id);
                }
                found += scratch.find(new Document("_id", new Document("$in", ids))).batchSize(IN_CHUNK)
                                .into(new ArrayList<>()).size();
            }
            double inRate = AppendReplayBenchmark.perSecond(found, System.nanoTime() - start);
            if (scanned != docs || found != docs) {
                throw new IllegalStateException("inserted " + docs + " but scanned " + scanned + " and found " + found);
            }
            return new Result(docs, bsonSize(eventLike(1)), insertRate, scanRate, inRate);
        } finally {
            scratch.drop();
        }
    }

    /** The shape of a stored event, about the average size of those the command load stores (~800 bytes). */
    static Document eventLike(long id) {
        String aggregate = UUID.nameUUIDFromBytes(("engagement-" + id / 25).getBytes()).toString();
        long seq = id % 25;
        String payload = """
                {"engagementId":"%s","milestone":"VISIT_2","heldOn":"2024-12-17","startTime":"13:30:00",\
                "endTime":"15:00:00","mode":"ONSITE","participants":[{"organisation":"香春町","department":"福祉課",\
                "headcount":4}],"totalHeadcount":4,"agenda":["現状と課題の整理"],"summary":"作戦会議",\
                "occurredOn":"2024-12-17"}""".formatted(aggregate);
        String metaData = """
                {"actor":"officer-kyushu","actorRole":"CASE_OFFICER","actorBureau":"kyushu",\
                "correlationId":"%s","traceId":"%s"}""".formatted(UUID.randomUUID(), UUID.randomUUID());
        return new Document("_id", id)
                .append("sk", aggregate + ":" + seq)
                .append("a", aggregate)
                .append("s", seq)
                .append("t", "SupportEngagement")
                .append("e", UUID.randomUUID().toString())
                .append("ts", Instant.now().toString())
                .append("pt", "casebook.kernel.engagement.event.MilestoneHeld")
                .append("pr", null)
                .append("p", payload)
                .append("m", metaData);
    }

    static int bsonSize(Document doc) {
        return new RawBsonDocument(doc, new DocumentCodec()).getByteBuffer().remaining();
    }
}
