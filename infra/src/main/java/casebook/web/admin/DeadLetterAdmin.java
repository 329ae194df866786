package casebook.web.admin;

import casebook.deadletter.DeadLetterQueues;
import casebook.deadletter.DeadLetterSummary;
import casebook.deadletter.MongoDeadLetter;
import casebook.deadletter.MongoDeadLetterQueue;
import casebook.web.NotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What an administrator does with dead letters: look at them, have a processing group retry them through its own
 * handlers (Axon's dead-letter processor), or evict one that will never apply. Blocking: callers run it off the
 * event loop.
 */
@Component
class DeadLetterAdmin {

    /** Letters listed per group; the counts are always complete. */
    static final int LIST_LIMIT = 500;

    /** Evictions are decisions about case data; they go to the audit log with who and why. */
    private static final Logger audit = LoggerFactory.getLogger("casebook.audit");

    private final DeadLetterQueues queues;
    private final EventProcessingConfiguration processing;
    private final Clock clock;

    DeadLetterAdmin(DeadLetterQueues queues, EventProcessingConfiguration processing, Clock clock) {
        this.queues = queues;
        this.processing = processing;
        this.clock = clock;
    }

    record GroupLetters(String processingGroup, long letters, long cases, boolean truncated,
                        List<DeadLetterSummary> deadLetters) {
    }

    record DeadLetters(List<GroupLetters> processingGroups) {
    }

    /**
     * @param processed    letters handled successfully and removed
     * @param stillFailing cases whose first letter failed again (or that another retry holds right now)
     * @param remaining    letters left in the group's queue, the failing ones and those parked behind them
     */
    record RetryOutcome(String processingGroup, long processed, long stillFailing, long remaining) {
    }

    record Eviction(DeadLetterSummary evicted, String reason, String evictedBy, Instant evictedAt) {
    }

    DeadLetters list() {
        return new DeadLetters(queues.all().stream().map(q -> {
            long size = q.size();
            List<DeadLetterSummary> letters = q.summaries(LIST_LIMIT);
            return new GroupLetters(q.group(), size, q.amountOfSequences(), letters.size() < size, letters);
        }).toList());
    }

    /** Every parked case of the group, one after the other, each worked off in order until a letter fails again. */
    RetryOutcome retry(String processingGroup) {
        MongoDeadLetterQueue queue = queue(processingGroup);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(processingGroup)
                .orElseThrow(() -> new NotFound("processing group " + processingGroup));
        long processed = 0;
        long stillFailing = 0;
        for (String caseId : queue.sequenceIds()) {
            long before = queue.sequenceSize(caseId);
            processor.process(letter -> letter instanceof MongoDeadLetter m && m.sequence().equals(caseId));
            long after = queue.sequenceSize(caseId);
            processed += Math.max(0, before - after);
            stillFailing += after > 0 ? 1 : 0;
        }
        return new RetryOutcome(processingGroup, processed, stillFailing, queue.size());
    }

    /** Removes one letter without handling it: its event stays in the log, the read model never sees it. */
    Eviction evict(String processingGroup, long position, String reason, String actor) {
        MongoDeadLetterQueue queue = queue(processingGroup);
        NotFound unknown = new NotFound("dead letter " + position + " of " + processingGroup);
        MongoDeadLetter letter = queue.letter(position).orElseThrow(() -> unknown);
        DeadLetterSummary summary = queue.summary(position).orElseThrow(() -> unknown);
        queue.evict(letter);
        audit.warn("dead letter evicted: processingGroup={} caseId={} event={} ({} #{}) position={} error={} by={} reason={}",
                processingGroup, summary.caseId(), summary.eventId(), summary.eventType(), summary.sequenceNumber(),
                position, summary.errorType(), actor, reason);
        return new Eviction(summary, reason, actor, clock.instant());
    }

    private MongoDeadLetterQueue queue(String processingGroup) {
        return queues.of(processingGroup).orElseThrow(() -> new NotFound("processing group " + processingGroup));
    }
}
