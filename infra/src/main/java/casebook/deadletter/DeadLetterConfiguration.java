package casebook.deadletter;

import casebook.axon.ProcessingGroups;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A dead-letter queue on MongoDB for each projection's processing group (ADR 0008): an event a projection cannot
 * apply is set aside with its error, the case's later events are parked behind it, and every other case goes on.
 * An administrator retries or evicts letters over HTTP ({@code /api/admin/dead-letters}).
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

    @Bean
    DeadLetterQueues deadLetterQueues(MongoDatabase database, @Qualifier("eventSerializer") Serializer serializer,
                                      Clock clock, @Value("${casebook.node-id:}") String nodeId,
                                      @Value("${casebook.dead-letters.max-cases:1024}") int maxCases,
                                      @Value("${casebook.dead-letters.max-events-per-case:1024}") int maxEventsPerCase,
                                      @Value("${casebook.dead-letters.claim:30s}") Duration claim) {
        MongoDeadLetterQueue.ensureIndexes(database);
        String node = nodeId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : nodeId;
        var settings = new MongoDeadLetterQueue.Settings(maxCases, maxEventsPerCase, claim);
        return new DeadLetterQueues(ProcessingGroups.ALL.stream()
                .map(group -> new MongoDeadLetterQueue(database, group, serializer, clock, node, settings)).toList());
    }

    /**
     * Registers each group's queue with Axon, which then wraps the group's handlers in its dead-lettering invoker
     * (sequenced per case, Axon's default). The invoker remembers which cases it parked, so an event of a case that
     * is not parked costs no look-up; a reset of the processor (a rebuild from the first event) empties the queue,
     * since every event is then handled again.
     */
    @Bean
    ConfigurerModule deadLetterQueueRegistration(DeadLetterQueues queues) {
        return configurer -> configurer.eventProcessing(processing -> queues.all().forEach(queue -> processing
                .registerDeadLetterQueue(queue.group(), c -> queue)
                .registerDeadLetteringEventHandlerInvokerConfiguration(queue.group(),
                        (c, invoker) -> invoker.enableSequenceIdentifierCache().allowReset(true))));
    }

    /** {@code casebook.deadletters{processingGroup}}: letters waiting, read from the (small) list of parked cases. */
    @Bean
    MeterBinder deadLetterGauges(DeadLetterQueues queues) {
        return registry -> queues.all().forEach(queue -> Gauge.builder("casebook.deadletters", queue,
                        MongoDeadLetterQueue::size)
                .tag("processingGroup", queue.group())
                .description("Events set aside by a projection, with the later events of their cases")
                .register(registry));
    }
}
