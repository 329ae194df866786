package casebook.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import casebook.testing.EmbeddedMongo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rows kept under their buckets' stamps, against the embedded server: kept, read again, and read once for many. */
class StampedRowsTest {

    private static final EmbeddedMongo MONGO = new EmbeddedMongo();
    private static final List<String> TOHOKU_2025 = List.of("tohoku:2025");

    private BucketStamps stamps;
    private StampedRows<String> stamped;
    private final AtomicInteger reads = new AtomicInteger();

    @AfterAll
    static void stop() {
        MONGO.close();
    }

    @BeforeEach
    void fresh() {
        stamps = new BucketStamps(MONGO.freshDatabase(), "stamps");
        stamps.ensureGeneration();
        stamps.touch(TOHOKU_2025);
        stamped = new StampedRows<>(stamps, 10);
    }

    @Test
    void keepsTheRowsUntilABucketOfTheSetIsWritten() {
        List<String> first = stamped.rows(TOHOKU_2025, counted("row 1"));
        assertThat(stamped.rows(TOHOKU_2025, counted("not read"))).isSameAs(first);
        assertThat(reads).hasValue(1);

        stamps.touch(TOHOKU_2025);

        assertThat(stamped.rows(TOHOKU_2025, counted("row 1", "row 2"))).containsExactly("row 1", "row 2");
        assertThat(reads).hasValue(2);
    }

    @Test
    void readersMissingTheSameSetAtOnceWaitForOneRead() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<List<String>> slow = () -> {
            reading.countDown();
            await(release);
            return counted("row 1").get();
        };
        List<Asker> askers = new ArrayList<>();
        askers.add(new Asker(slow));
        reading.await(10, TimeUnit.SECONDS);
        for (int i = 0; i < 3; i++) {
            askers.add(new Asker(counted("read by a waiter")));
        }
        for (Asker waiter : askers.subList(1, askers.size())) {
            waiter.awaitBlocked();
        }

        release.countDown();

        List<String> first = askers.get(0).result();
        assertThat(first).containsExactly("row 1");
        for (Asker waiter : askers) {
            assertThat(waiter.result()).isSameAs(first);
        }
        assertThat(reads).hasValue(1);
    }

    @Test
    void aWaiterReadsAgainWhenTheBucketWasWrittenWhileItWaited() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Asker first = new Asker(() -> {
            reading.countDown();
            await(release);
            return counted("row 1").get();
        });
        reading.await(10, TimeUnit.SECONDS);
        stamps.touch(TOHOKU_2025); // written after the first reader read the stamps, before the waiter did
        Asker waiter = new Asker(counted("row 1", "row 2"));
        waiter.awaitBlocked();

        release.countDown();

        assertThat(first.result()).containsExactly("row 1");
        assertThat(waiter.result()).containsExactly("row 1", "row 2");
        assertThat(reads).hasValue(2);
        assertThat(stamped.rows(TOHOKU_2025, counted("not read"))).containsExactly("row 1", "row 2");
    }

    private Supplier<List<String>> counted(String... rows) {
        return () -> {
            reads.incrementAndGet();
            return List.of(rows);
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A reader on a thread of its own. */
    private final class Asker {
        private final AtomicReference<List<String>> answer = new AtomicReference<>();
        private final Thread thread;

        Asker(Supplier<List<String>> read) {
            thread = new Thread(() -> answer.set(stamped.rows(TOHOKU_2025, read)));
            thread.start();
        }

        /** Until the thread waits for the monitor of the read in progress (a state, not a time). */
        void awaitBlocked() {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (thread.getState() != Thread.State.BLOCKED) {
                assertThat(System.nanoTime()).as("reader blocked behind the read in progress").isLessThan(deadline);
                Thread.onSpinWait();
            }
        }

        List<String> result() throws InterruptedException {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            return answer.get();
        }
    }
}
