package casebook.axon;

import casebook.cluster.Instances;
import casebook.eventstore.Durability;
import casebook.eventstore.MongoEventStorageEngine;
import casebook.eventstore.MongoTokenStore;
import casebook.readmodel.ReplayCheckpoints;
import casebook.kernel.audit.MetaDataKeys;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon on MongoDB without Axon Server: Casebook's own event storage engine and token store, Jackson
 * for every message (no XStream), and the actor and correlation id copied from each command onto its
 * events.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Messages are records; Axon gets its own mapper so HTTP's strictness never breaks reading old events. */
    static ObjectMapper messageMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @Primary
    Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(messageMapper()).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    MongoEventStorageEngine eventStorageEngine(MongoDatabase database, @Qualifier("eventSerializer") Serializer serializer,
                                          Durability durability, Clock clock, MeterRegistry meters) {
        return MongoEventStorageEngine.builder().database(database).eventSerializer(serializer)
                .snapshotSerializer(SnapshotSerializer.create()).snapshotFilter(new CurrentRevisionSnapshots())
                .durability(durability).clock(clock).meterRegistry(meters).build();
    }

    /**
     * During a replay the projections keep changed cases in memory between batches and the token store stores a
     * segment's token only at a checkpoint, every {@code replay-checkpoint-events} positions of the log (ADR 0020):
     * a crash in a rebuild replays at most that much again (100,000 positions, some 20 s of a rebuild; measured on a
     * log whose cases interleave, ADR 0020's second addendum). 0 writes every batch, as outside a replay.
     */
    @Bean
    ReplayCheckpoints replayCheckpoints(@Value("${casebook.replay-checkpoint-events:100000}") long checkpointEvents,
                                        MeterRegistry meters) {
        ReplayCheckpoints checkpoints = new ReplayCheckpoints(checkpointEvents);
        Gauge.builder("casebook.replay.kept.cases", checkpoints, ReplayCheckpoints::keptCases)
                .description("Read-model cases a replay keeps in memory, not yet written (written at the next checkpoint)")
                .register(meters);
        return checkpoints;
    }

    @Bean
    MongoTokenStore tokenStore(MongoDatabase database, Serializer serializer, Clock clock, ReplayCheckpoints checkpoints,
                               @Value("${casebook.node-id:}") String nodeId,
                               @Value("${casebook.token-claim-timeout:10s}") Duration claimTimeout) {
        String node = nodeId.isBlank() ? Instances.defaultNodeId() : nodeId;
        return new MongoTokenStore(database, serializer, node, claimTimeout, clock, checkpoints);
    }

    @Bean(destroyMethod = "close")
    Instances instances(MongoDatabase database, MongoTokenStore tokenStore, Clock clock, MeterRegistry meters,
                        @Value("${casebook.token-claim-timeout:10s}") Duration claimTimeout) {
        Instances instances = new Instances(database, tokenStore, tokenStore.nodeId(), claimTimeout, clock);
        Gauge.builder("casebook.instances.live", instances, i -> i.live().size())
                .description("Casebook instances with a fresh heartbeat on this database, as this instance sees them")
                .register(meters);
        return instances;
    }

    /**
     * Several instances share each processor's segments (docs/adr/0009): each claims its fair share, and an idle
     * segment stores its token at least every tenth of the claim timeout, so that its claim stays fresh and a
     * wait for the whole log (a restore, the demo data) sees it pass the head soon. How often free segments are
     * looked for is {@code token-claim-interval} in application.yml, because Axon's Spring settings set it per
     * processor.
     */
    @Bean
    ConfigurerModule sharedSegments(Instances instances, @Value("${casebook.token-claim-timeout:10s}") Duration claimTimeout) {
        long extendEvery = Math.max(100, claimTimeout.toMillis() / 10);
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                (config, builder) -> builder.maxSegmentProvider(instances).claimExtensionThreshold(extendEvery));
    }

    /**
     * Axon's event store, with a shorter wait between polls of the log when it is idle (Axon's default: one
     * second). Events appended by this instance wake the processors at once; events appended by another instance
     * are found by polling, and a person waits for them to reach the projections (ADR 0004).
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  @Value("${casebook.event-poll:100ms}") Duration poll) {
        return EmbeddedEventStore.builder().storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(Math.max(10, poll.toMillis())).build();
    }

    /**
     * The projection processors' source (application.yml names it): the event store, looked at every poll interval
     * and at once when someone waits for the projections ({@link ProjectionBarrier}).
     */
    @Bean(destroyMethod = "close")
    PolledEventSource casebookEventSource(EventStore eventStore, @Value("${casebook.event-poll:100ms}") Duration poll) {
        return new PolledEventSource(eventStore, poll);
    }

    @Bean
    CorrelationDataProvider actorAndCorrelation() {
        return new SimpleCorrelationDataProvider(MetaDataKeys.ACTOR, MetaDataKeys.ACTOR_ROLE,
                MetaDataKeys.ACTOR_BUREAU, MetaDataKeys.CORRELATION_ID);
    }

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    /**
     * A projection that fails on an event fails its batch: the token is not stored and Axon retries the batch with a
     * growing back-off (the projections are idempotent, see BatchWrites). Axon's default would log the failure and
     * move on, which stores the token past events the read model never got, and no processor would ever show an
     * error. The failure is counted and shown by casebook.observability.ProcessorErrors.
     */
    @Bean
    ConfigurerModule projectionFailuresAreRetried() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }

    /**
     * The cases used most recently stay in memory, so most commands skip loading their snapshot and events (ADR 0022).
     * Counted at /actuator/prometheus: cases held, look-ups by result, and cases pushed out by newer ones.
     */
    @Bean
    RecentCases aggregateCache(@Value("${casebook.cached-cases:10000}") int cachedCases, MeterRegistry meters) {
        RecentCases cases = new RecentCases(cachedCases);
        Gauge.builder("casebook.cases.cached", cases, RecentCases::size)
                .description("Cases held in memory between commands").register(meters);
        FunctionCounter.builder("casebook.cases.lookups", cases, RecentCases::hits).tag("result", "hit")
                .description("Look-ups of a case in memory before a command").register(meters);
        FunctionCounter.builder("casebook.cases.lookups", cases, RecentCases::misses).tag("result", "miss")
                .description("Look-ups of a case in memory before a command").register(meters);
        FunctionCounter.builder("casebook.cases.evicted", cases, RecentCases::evictions)
                .description("Cases pushed out of memory by more recently used ones").register(meters);
        return cases;
    }
}
