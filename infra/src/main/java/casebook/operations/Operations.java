package casebook.operations;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The long operations of this instance, running and recent (the last {@value #KEEP}), for
 * {@code GET /api/admin/operations}. Operations run on their own threads, never on a request's; an export runs in
 * its HTTP response and only registers here. In memory: a restart forgets them, and each instance lists its own.
 */
@Component
public class Operations {

    /** The work of an operation; what it returns becomes the operation's result. */
    @FunctionalInterface
    public interface Work {
        Object run(OperationProgress operation) throws Exception;
    }

    static final int KEEP = 50;

    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    private final Deque<OperationProgress> recent = new ArrayDeque<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "operation");
        t.setDaemon(true);
        return t;
    });

    public Operations(Clock clock) {
        this.clock = clock;
    }

    /** Registers an operation that the caller carries out (and finishes) itself. */
    public synchronized OperationProgress begin(String kind, String target, String startedBy, long total) {
        OperationProgress op = new OperationProgress("op-" + ids.incrementAndGet(), kind, target, startedBy, total, clock);
        recent.addFirst(op);
        // Forget the oldest finished ones; running operations always stay listed.
        List<OperationProgress> finished = recent.stream().filter(o -> o.state() != OperationProgress.State.RUNNING).toList();
        for (int i = finished.size() - 1; recent.size() > KEEP && i >= 0; i--) {
            recent.remove(finished.get(i));
        }
        return op;
    }

    /** Registers an operation and runs {@code work} on a thread of its own; it succeeds with what the work returns. */
    public OperationProgress start(String kind, String target, String startedBy, long total, Work work) {
        OperationProgress op = begin(kind, target, startedBy, total);
        threads.execute(() -> {
            Thread.currentThread().setName("operation " + op.id());
            try {
                op.succeed(work.run(op));
            } catch (Exception | Error e) {
                op.fail(e);
            }
        });
        return op;
    }

    /** Running and recent operations, newest first. */
    public synchronized List<OperationProgress.View> list() {
        List<OperationProgress.View> views = new ArrayList<>();
        recent.forEach(op -> views.add(op.view()));
        return views;
    }

    public synchronized Optional<OperationProgress> running(String kind, String target) {
        return recent.stream().filter(op -> op.state() == OperationProgress.State.RUNNING && op.kind().equals(kind)
                && Objects.equals(op.target(), target)).findFirst();
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
