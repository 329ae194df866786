package casebook.operations;

import casebook.axon.ProcessingGroups;
import casebook.eventstore.MongoTokenStore;
import casebook.observability.ProcessorErrors;
import casebook.observability.ProcessorProgress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a projection from the event log: its processor is shut down (Axon resets tokens only of a stopped
 * processor), its tokens are reset to the start, which calls the projection's {@code @ResetHandler} (each one
 * empties its collections), and it is started again and replays every event. Progress is the processor's
 * position (from the token store) against the head of the log when the rebuild began; the rebuild is done when
 * the processor has passed that head. Events appended meanwhile are handled after it, as usual.
 * <p>
 * The segments must be free to claim: on several instances, the others must have released them (stop the
 * processor there, or the instance), otherwise the reset is refused and the processor restarts unchanged.
 * While a read model is rebuilt it is incomplete; docs/DEPLOYMENT.md says what that means for each.
 * <p>
 * Every read model at once is rebuilt by {@link FullRebuild}, which replays the log once for all of them.
 */
@Component
public class ProjectionRebuild {

    static final String KIND = "rebuild";
    /** The target of a rebuild of every read model. */
    static final String ALL = "all";
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(250);

    private final ProcessorProgress progress;
    private final ProcessorErrors errors;
    private final Operations operations;
    private final FullRebuild full;
    private final Set<String> rebuilding = ConcurrentHashMap.newKeySet();

    public ProjectionRebuild(ProcessorProgress progress, ProcessorErrors errors, Operations operations, FullRebuild full) {
        this.progress = progress;
        this.errors = errors;
        this.operations = operations;
        this.full = full;
    }

    /** Whether the read model of {@code processingGroup} is being rebuilt now (it is incomplete until done). */
    public boolean rebuilding(String processingGroup) {
        return rebuilding.contains(processingGroup);
    }

    /**
     * Starts the rebuild of {@code processingGroup}; empty if there is no such streaming processor.
     *
     * @throws IllegalStateException if that rebuild is already running
     */
    public synchronized Optional<OperationProgress> start(String processingGroup, String startedBy) {
        Optional<StreamingEventProcessor> found = progress.processor(processingGroup);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (!found.get().supportsReset()) {
            throw new IllegalArgumentException("the handlers of " + processingGroup + " do not support a reset");
        }
        if (!rebuilding.add(processingGroup)) {
            throw new IllegalStateException("a rebuild of " + processingGroup + " is already running");
        }
        StreamingEventProcessor processor = found.get();
        long head = progress.fresh(processingGroup).head();
        return Optional.of(operations.start(KIND, processingGroup, startedBy, head, op -> {
            try {
                return rebuild(processingGroup, processor, head, op);
            } finally {
                rebuilding.remove(processingGroup);
            }
        }));
    }

    /**
     * Starts the rebuild of every read model through one replay of the log ({@link FullRebuild}).
     *
     * @throws IllegalStateException if a rebuild of any read model is running
     */
    public synchronized OperationProgress startAll(String startedBy) {
        full.processors();
        List<String> running = ProcessingGroups.ALL.stream().filter(rebuilding::contains).toList();
        if (!running.isEmpty()) {
            throw new IllegalStateException("a rebuild of " + String.join(", ", running) + " is already running");
        }
        rebuilding.addAll(ProcessingGroups.ALL);
        long head = progress.fresh(ProcessingGroups.PROGRESS).head();
        return operations.start(KIND, ALL, startedBy, head, op -> {
            try {
                return full.run(op, head);
            } finally {
                rebuilding.removeAll(ProcessingGroups.ALL);
            }
        });
    }

    /**
     * Starts the replay of a restored log, whose projection processors' fresh segments {@code claims} holds as
     * {@code restorer} ({@link RestoreReplay}); shown as a rebuild of every read model, started by "restore".
     */
    synchronized OperationProgress startRestore(long head, FullRebuild.Claims claims, MongoTokenStore restorer) {
        rebuilding.addAll(ProcessingGroups.ALL);
        return operations.start(KIND, ALL, RestoreReplay.STARTED_BY, head, op -> {
            try {
                return full.restore(op, head, claims, restorer);
            } finally {
                rebuilding.removeAll(ProcessingGroups.ALL);
            }
        });
    }

    private Object rebuild(String group, StreamingEventProcessor processor, long head, OperationProgress op) throws Exception {
        processor.shutdownAsync().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        try {
            processor.resetTokens();
        } finally {
            // Refused or not, the processor runs again: from the start after a reset, from where it was otherwise.
            processor.start();
        }
        log.info("{} reset; replaying events 1 to {}", group, head);
        ProcessorProgress.Position at = progress.fresh(group);
        while (at.position() < head) {
            op.advanceTo(at.position());
            if (!processor.isRunning()) {
                throw new IllegalStateException(group + " was stopped during the rebuild, at position " + at.position());
            }
            // A failing batch is retried by Axon: the rebuild goes on, and says why it does not advance.
            op.note(failingNote("the processor", errors.failing(group)));
            Thread.sleep(POLL.toMillis());
            at = progress.fresh(group);
        }
        op.note(null);
        op.advanceTo(head);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("processor", group);
        result.put("replayedUpTo", head);
        result.put("position", at.position());
        return result;
    }

    /** What a rebuild says while its processor's batches fail (Axon retries them), or null when they do not. */
    static String failingNote(String who, Optional<ProcessorErrors.Failure> failure) {
        return failure.map(f -> who + " is failing (" + f.consecutive() + " in a row, retried): " + f.error()
                + (f.message() == null ? "" : ": " + f.message())).orElse(null);
    }
}
