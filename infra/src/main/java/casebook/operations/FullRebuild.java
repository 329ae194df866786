package casebook.operations;

import casebook.axon.PolledEventSource;
import casebook.axon.ProcessingGroups;
import casebook.eventstore.MongoTokenStore;
import casebook.eventstore.StoreDuringReplay;
import casebook.observability.ProcessorErrors;
import casebook.observability.ProcessorProgress;
import casebook.readmodel.ReplayCheckpoints;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.springboot.EventProcessorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * A rebuild of every read model at once (docs/adr/0021): the log is replayed once, through one processor holding
 * every projection's handlers ({@link ReplayProcessor}), instead of once per projection processor, which does a
 * quarter of the dispatch, batch and token work per event.
 * <p>
 * The steps, each safe to be interrupted by a crash:
 * <ol>
 *     <li>The projection processors stop here, and this instance claims every one of their segments and holds the
 *     claims to the end, so that no instance runs them meanwhile (refused, and nothing changed, if another instance
 *     holds one: stop them there first, as for a rebuild of one read model).</li>
 *     <li>Each is reset as for a rebuild of one (its {@code @ResetHandler}s empty its read model; its tokens go back
 *     to the start). From here a crash is harmless: the processors replay the log by themselves, the slow way.</li>
 *     <li>The replay processor gets fresh tokens on the segments the projection processors' were split from (half
 *     as many, when theirs are an even split of four or more; the same ones otherwise; {@link #replaySegments}),
 *     replays from the start and runs until every segment's stored token has passed the head of the log as the
 *     rebuild found it (a stored token means every change before it is written, ADR 0020), then stops.</li>
 *     <li>Its tokens are copied to every projection processor, each replay segment's to the segments made from it,
 *     and deleted; the claims are released and the processors start where the replay stopped. A crash between
 *     copies leaves some processors at the start: they replay once more, over read models that already hold every
 *     case (the projections skip the versions they have).</li>
 * </ol>
 * The two never run at once: the replay processor starts only after the projection processors stopped, and they
 * start only after it stopped, so no event is applied twice.
 */
@Component
class FullRebuild {

    private static final Logger log = LoggerFactory.getLogger(FullRebuild.class);
    private static final long STOP_WAIT_SECONDS = 60;
    private static final long POLL_MILLIS = 250;

    private final ProcessorProgress progress;
    private final ProcessorErrors errors;
    private final MongoTokenStore tokens;
    private final PolledEventSource source;
    private final ReplayCheckpoints checkpoints;
    private final MeterRegistry meters;
    private final ObjectProvider<org.axonframework.config.Configuration> axon;
    private final EventProcessorProperties processorSettings;
    private final StoreDuringReplay store;

    FullRebuild(ProcessorProgress progress, ProcessorErrors errors, MongoTokenStore tokens,
                @Qualifier("casebookEventSource") PolledEventSource source, ReplayCheckpoints checkpoints, MeterRegistry meters,
                ObjectProvider<org.axonframework.config.Configuration> axon, EventProcessorProperties processorSettings,
                StoreDuringReplay store) {
        this.progress = progress;
        this.errors = errors;
        this.tokens = tokens;
        this.source = source;
        this.checkpoints = checkpoints;
        this.meters = meters;
        this.axon = axon;
        this.processorSettings = processorSettings;
        this.store = store;
    }

    /** Checks that the projection processors can be rebuilt together; throws what is wrong otherwise. */
    List<AbstractEventProcessor> processors() {
        List<AbstractEventProcessor> processors = new ArrayList<>();
        for (String group : ProcessingGroups.ALL) {
            StreamingEventProcessor processor = progress.processor(group)
                    .orElseThrow(() -> new IllegalStateException("no processor " + group));
            if (!processor.supportsReset()) {
                throw new IllegalArgumentException("the handlers of " + group + " do not support a reset");
            }
            processors.add((AbstractEventProcessor) processor);
        }
        return processors;
    }

    Object run(OperationProgress op, long head) throws Exception {
        List<AbstractEventProcessor> processors = processors();
        int[] segments = commonSegments();
        Claims claims = new Claims(tokens, ProcessingGroups.ALL, segments);
        boolean reset = false;
        boolean copied = false;
        boolean shuttingDown = false;
        try {
            for (AbstractEventProcessor processor : processors) {
                ((StreamingEventProcessor) processor).shutdownAsync().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            }
            progress.replayedBy(ProcessingGroups.ALL, ReplayProcessor.NAME);
            claims.claimAll();
            deleteReplayTokens();
            reset = true;
            Map<Integer, TrackingToken> resetAt = resetAll(processors, segments);
            long position = replayAndHandOver(op, head, processors, segments, resetAt, claims, tokens);
            copied = true;
            return result(head, position);
        } catch (InterruptedException e) {
            // The application is stopping (its operations are interrupted): the processors are not started again
            // here; at the next start they go on from their stored tokens, the start of the log if not copied yet.
            shuttingDown = true;
            Thread.currentThread().interrupt();
            throw e;
        } finally {
            if (reset && !copied) {
                log.warn("the full rebuild did not finish; the projection processors replay the log by themselves");
            }
            claims.releaseAll();
            progress.replayedBy(List.of(), ReplayProcessor.NAME);
            if (!shuttingDown) {
                for (AbstractEventProcessor processor : processors) {
                    ((StreamingEventProcessor) processor).start();
                }
            }
        }
    }

    /**
     * The replay of a restored log ({@link RestoreReplay}): the projection processors run but idle, their fresh
     * tokens claimed by {@code restorer} (another owner name) in {@code claims}; their read models are empty. Nothing
     * is stopped or reset: the log is replayed once through the replay processor, its tokens become the processors'
     * (stored as the claims' owner), and the claims are released, so that the processors claim them and go on.
     */
    Object restore(OperationProgress op, long head, Claims claims, MongoTokenStore restorer) throws Exception {
        boolean copied = false;
        try {
            List<AbstractEventProcessor> processors = processors();
            int[] segments = claims.segments();
            progress.replayedBy(ProcessingGroups.ALL, ReplayProcessor.NAME);
            deleteReplayTokens();
            Map<Integer, TrackingToken> replayUpTo = new LinkedHashMap<>();
            for (int segment : segments) {
                replayUpTo.put(segment, source.createHeadToken());
            }
            long position = replayAndHandOver(op, head, processors, segments, replayUpTo, claims, restorer);
            copied = true;
            return result(head, position);
        } finally {
            if (!copied) {
                log.warn("the replay of the restored log did not finish; the projection processors replay it by themselves");
            }
            claims.releaseAll();
            progress.replayedBy(List.of(), ReplayProcessor.NAME);
        }
    }

    /**
     * Replays the log once through the replay processor, from the start up to {@code replayUpTo} per segment as a
     * replay, until every segment has passed {@code head}; then copies its tokens to every projection processor
     * (stored by {@code owner}, which holds their claims) and deletes them. Returns the position it stopped at.
     */
    private long replayAndHandOver(OperationProgress op, long head, List<AbstractEventProcessor> processors, int[] segments,
                                   Map<Integer, TrackingToken> replayUpTo, Claims claims, MongoTokenStore owner)
            throws Exception {
        Map<Integer, Integer> replayedBy = replaySegments(segments);
        Map<Integer, TrackingToken> upTo = replayUpTo(replayedBy, replayUpTo);
        upTo.forEach((replaySegment, token) -> tokens.initializeSegment(
                ReplayToken.createReplayToken(token, source.createTailToken()), ReplayProcessor.NAME, replaySegment));
        checkpoints.segmentsSpan(ReplayProcessor.NAME, segments.length / upTo.size());
        // Both callers replay onto emptied read models (reset just now, or a restored log): nothing to look up at first.
        checkpoints.replaysOntoEmpty(ReplayProcessor.NAME);
        long position;
        try (StoreDuringReplay.Replaying replaying = store.replayStarts();
             ReplayProcessor replay = new ReplayProcessor(processors, parts(), upTo.size())) {
            replay.start();
            log.info("rebuilding every read model through {}: replaying events 1 to {}", ReplayProcessor.NAME, head);
            position = awaitPast(head, replay, claims, op);
            replay.stop(STOP_WAIT_SECONDS);
        } finally {
            checkpoints.replayEnded(ReplayProcessor.NAME);
        }
        Map<Integer, TrackingToken> replayed = tokens.peekTokens(ReplayProcessor.NAME);
        for (String group : ProcessingGroups.ALL) {
            for (int segment : segments) {
                owner.storeToken(caughtUp(replayed.get(replayedBy.get(segment))), group, segment);
            }
        }
        deleteReplayTokens();
        log.info("{} passed position {}; its tokens are now the projection processors'", ReplayProcessor.NAME, head);
        return position;
    }

    /**
     * Which of the replay's segments replays each of the projection processors' segments. When these are an even
     * split in four or more (the usual four), the replay runs on the splits they were made from, half as many: each
     * event is then offered to half as many work packages, and the projection segments made from one replay segment
     * start from its token, as Axon's own split gives both halves their parent's token. Otherwise on the same ones.
     */
    static Map<Integer, Integer> replaySegments(int[] segments) {
        Segment[] split = Segment.computeSegments(segments);
        int mask = split[0].getMask();
        boolean even = mask >= 3 && split.length == mask + 1 && Arrays.stream(split).allMatch(s -> s.getMask() == mask);
        Map<Integer, Integer> replayedBy = new TreeMap<>();
        for (Segment segment : split) {
            replayedBy.put(segment.getSegmentId(), even ? segment.getSegmentId() & (mask >> 1) : segment.getSegmentId());
        }
        return replayedBy;
    }

    /**
     * Up to where each replay segment's events are replays: the furthest of the projection segments' it replays. A
     * projection segment that never had a token (an empty log) has none, and neither has its replay segment then.
     */
    static Map<Integer, TrackingToken> replayUpTo(Map<Integer, Integer> replayedBy, Map<Integer, TrackingToken> upTo) {
        Map<Integer, TrackingToken> byReplaySegment = new TreeMap<>();
        replayedBy.forEach((segment, replaySegment) -> byReplaySegment.put(replaySegment,
                furthest(byReplaySegment.get(replaySegment), upTo.get(segment))));
        return byReplaySegment;
    }

    private static Map<String, Object> result(long head, long position) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("processor", ReplayProcessor.NAME);
        result.put("processors", ProcessingGroups.ALL);
        result.put("replayedUpTo", head);
        result.put("position", position);
        return result;
    }

    /** The projection processors' segments, which must be the same for all (the replay's tokens become theirs). */
    private int[] commonSegments() {
        int[] segments = null;
        for (String group : ProcessingGroups.ALL) {
            int[] own = tokens.fetchSegments(group);
            if (segments == null) {
                segments = own;
            } else if (!Arrays.equals(segments, own)) {
                throw new IllegalStateException("the projection processors are split into different segments ("
                        + ProcessingGroups.ALL.get(0) + " " + Arrays.toString(segments) + ", " + group + " "
                        + Arrays.toString(own) + "): rebuild them one at a time");
            }
        }
        if (segments == null || segments.length == 0) {
            throw new IllegalStateException("the projection processors have no tokens yet");
        }
        return segments;
    }

    /**
     * Resets every processor (emptying its read model); returns, per segment, the furthest of their tokens before the
     * reset: up to there the replay's events are replays, as each processor's would have been.
     */
    private Map<Integer, TrackingToken> resetAll(List<AbstractEventProcessor> processors, int[] segments) {
        Map<Integer, TrackingToken> before = new LinkedHashMap<>();
        for (int segment : segments) {
            before.put(segment, null);
        }
        for (AbstractEventProcessor processor : processors) {
            tokens.peekTokens(processor.getName()).forEach((segment, token) -> before.merge(segment, token == null
                    ? null : WrappedToken.unwrapUpperBound(token), FullRebuild::furthest));
            ((StreamingEventProcessor) processor).resetTokens();
        }
        return before;
    }

    private static TrackingToken furthest(TrackingToken a, TrackingToken b) {
        return a == null ? b : b == null ? a : a.upperBound(b);
    }

    /** A token that has passed the replay's end is stored as a plain one: the processors are not replaying. */
    private static TrackingToken caughtUp(TrackingToken token) {
        return WrappedToken.unwrap(token, ReplayToken.class)
                .filter(r -> r.getCurrentToken() != null && r.getTokenAtReset() != null
                        && r.getCurrentToken().covers(WrappedToken.unwrapUpperBound(r.getTokenAtReset())))
                .map(ReplayToken::getCurrentToken)
                .orElse(token);
    }

    /** Left by an earlier full rebuild that did not finish (a crash); refused if another instance replays now. */
    private void deleteReplayTokens() {
        for (int segment : tokens.fetchSegments(ReplayProcessor.NAME)) {
            tokens.fetchToken(ReplayProcessor.NAME, segment);
            tokens.deleteToken(ReplayProcessor.NAME, segment);
        }
    }

    private long awaitPast(long head, ReplayProcessor replay, Claims claims, OperationProgress op) throws InterruptedException {
        ProcessorProgress.Position at = progress.fresh(ReplayProcessor.NAME);
        while (at.position() < head) {
            op.advanceTo(at.position());
            if (!replay.isRunning()) {
                throw new IllegalStateException(ReplayProcessor.NAME + " stopped during the rebuild, at position " + at.position());
            }
            op.note(ProjectionRebuild.failingNote("the replay", errors.failing(ReplayProcessor.NAME)));
            claims.keep();
            Thread.sleep(POLL_MILLIS);
            at = progress.fresh(ReplayProcessor.NAME);
        }
        op.note(null);
        op.advanceTo(head);
        return at.position();
    }

    private ReplayProcessor.Parts parts() {
        org.axonframework.config.Configuration configuration = axon.getObject();
        EventProcessorProperties.ProcessorSettings settings = processorSettings.getProcessors().get(ProcessingGroups.PROGRESS);
        int batchSize = settings == null ? 100 : settings.getBatchSize();
        long claimInterval = settings == null ? 2000 : settings.getTokenClaimIntervalTimeUnit().toMillis(settings.getTokenClaimInterval());
        return new ReplayProcessor.Parts(source, tokens,
                configuration.getComponent(TransactionManager.class, NoTransactionManager::instance), errors.errorHandler(),
                configuration.correlationDataProviders(), checkpoints, meters, batchSize, claimInterval);
    }

    private record Claim(String processor, int segment) {
    }

    /** Claims on every segment of the projection processors, held while their read models are rebuilt. */
    static final class Claims {

        private final MongoTokenStore tokens;
        private final List<String> processors;
        private final int[] segments;
        /** The segments claimed so far, in claiming order. */
        private final List<Claim> held = new ArrayList<>();
        private final long extendEveryNanos;
        private long extendedAt;

        Claims(MongoTokenStore tokens, List<String> processors, int[] segments) {
            this.tokens = tokens;
            this.processors = processors;
            this.segments = segments;
            this.extendEveryNanos = tokens.claimTimeout().toNanos() / 4;
        }

        /** Claims all, or none: a segment another instance holds refuses the rebuild before anything changed. */
        void claimAll() {
            for (String processor : processors) {
                for (int segment : segments) {
                    try {
                        tokens.fetchToken(processor, segment);
                    } catch (UnableToClaimTokenException e) {
                        releaseAll();
                        throw new IllegalStateException(e.getMessage() + ": stop the other instances (or their processors) "
                                + "before rebuilding every read model", e);
                    }
                    held.add(new Claim(processor, segment));
                }
            }
            extendedAt = System.nanoTime();
        }

        int[] segments() {
            return segments.clone();
        }

        /** Extends the claims well before they would expire (the token store's claim timeout). */
        void keep() {
            if (System.nanoTime() - extendedAt < extendEveryNanos) {
                return;
            }
            held.forEach(claim -> tokens.extendClaim(claim.processor(), claim.segment()));
            extendedAt = System.nanoTime();
        }

        void releaseAll() {
            for (Claim claim : held) {
                try {
                    tokens.releaseClaim(claim.processor(), claim.segment());
                } catch (RuntimeException e) {
                    log.warn("could not release {}: {}", claim, e.toString());
                }
            }
            held.clear();
        }
    }
}
