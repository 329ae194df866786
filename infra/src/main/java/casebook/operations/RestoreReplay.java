package casebook.operations;

import casebook.axon.PolledEventSource;
import casebook.axon.ProcessingGroups;
import casebook.eventstore.MongoTokenStore;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.axonframework.lifecycle.Phase;
import org.axonframework.springboot.EventProcessorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * A restored log is replayed once, through the replay processor of a full rebuild (docs/adr/0021), instead of once
 * per projection processor.
 * <p>
 * A restore (the backup tool into an empty database, docs/DEPLOYMENT.md §4) leaves events and no tokens; left
 * alone, each projection processor would create its tokens at the start of the log and replay all of it, four reads
 * of the log side by side. Just before the processors start ({@link AtStart}), if the log holds events and none of
 * them has a token, this instance creates their tokens as they would have (a replay of the log up to its head), each
 * segment already claimed under another owner name ({@link MongoTokenStore#claimingAs}): the processors start and find
 * nothing to claim, here and on any other instance. The replay then runs as an operation (a rebuild of every read
 * model, started by {@value #STARTED_BY}, with its progress on the admin page); at its end its tokens become the
 * processors' and the claims are released, and the processors claim them within their claim interval.
 * <p>
 * If another instance creates the tokens first, or a claim fails, this instance leaves the replay to the processors.
 * If the replay stops (a crash), the claims expire and the processors replay the log by themselves, from the start.
 */
@Component
class RestoreReplay {

    static final String STARTED_BY = "restore";
    private static final Logger log = LoggerFactory.getLogger(RestoreReplay.class);

    private final MongoTokenStore tokens;
    private final PolledEventSource source;
    private final EventProcessorProperties processorSettings;
    private final ProjectionRebuild rebuild;

    RestoreReplay(MongoTokenStore tokens, @Qualifier("casebookEventSource") PolledEventSource source,
                  EventProcessorProperties processorSettings, ProjectionRebuild rebuild) {
        this.tokens = tokens;
        this.source = source;
        this.processorSettings = processorSettings;
        this.rebuild = rebuild;
    }

    /** Starts the replay if the store holds a restored log; true if it did. */
    boolean startIfRestored() {
        long head = position(source.createHeadToken());
        if (head <= 0 || ProcessingGroups.ALL.stream().anyMatch(group -> tokens.fetchSegments(group).length > 0)) {
            return false;
        }
        Integer segmentCount = commonSegmentCount();
        if (segmentCount == null) {
            log.info("the projection processors are configured with different segment counts: they replay the restored log themselves");
            return false;
        }
        MongoTokenStore restorer = tokens.claimingAs(tokens.nodeId() + "/" + STARTED_BY);
        int[] segments = IntStream.range(0, segmentCount).toArray();
        FullRebuild.Claims claims = new FullRebuild.Claims(restorer, ProcessingGroups.ALL, segments);
        if (!createClaimed(restorer, claims, segments)) {
            return false;
        }
        log.info("the store holds a restored log of {} events and no projection tokens: replaying it once through {}",
                head, ReplayProcessor.NAME);
        rebuild.startRestore(head, claims, restorer);
        return true;
    }

    /**
     * Creates every segment of the projection processors claimed by {@code restorer}, with what each processor would
     * have created (a replay from the start of the log up to its head); false, and nothing of it left claimed, if
     * another instance was first.
     */
    private boolean createClaimed(MongoTokenStore restorer, FullRebuild.Claims claims, int[] segments) {
        TrackingToken start = ReplayToken.createReplayToken(source.createHeadToken(), source.createTailToken());
        try {
            for (String group : ProcessingGroups.ALL) {
                restorer.initializeClaimedSegments(group, segments.length, start);
            }
            claims.claimAll();
            return true;
        } catch (UnableToInitializeTokenException | UnableToClaimTokenException | IllegalStateException e) {
            // Another instance got there first: its replay (or the processors) will do it.
            log.info("not replaying the restored log here: {}", e.getMessage());
            for (String group : ProcessingGroups.ALL) {
                for (int segment : segments) {
                    restorer.releaseClaim(group, segment); // only what this instance created: claims are by owner
                }
            }
            return false;
        }
    }

    /** The segment count the projection processors' tokens are created with, if it is the same for all. */
    private Integer commonSegmentCount() {
        Set<Integer> counts = new HashSet<>();
        for (String group : ProcessingGroups.ALL) {
            EventProcessorProperties.ProcessorSettings settings = processorSettings.getProcessors().get(group);
            counts.add(settings == null ? 1 : settings.getInitialSegmentCount());
        }
        return counts.size() == 1 ? counts.iterator().next() : null;
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    /** Runs {@link #startIfRestored} as Axon starts, just before it starts the event processors. */
    @Configuration(proxyBeanMethods = false)
    static class AtStart {

        @Bean
        ConfigurerModule replayARestoredLogOnce(ObjectProvider<RestoreReplay> restore) {
            return configurer -> configurer.onStart(Phase.INBOUND_EVENT_CONNECTORS - 1,
                    () -> restore.getObject().startIfRestored());
        }
    }
}
