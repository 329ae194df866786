package casebook.axon;

import casebook.audittrail.AuditTrailProjection;
import casebook.audittrail.AuditTrailQueries;
import casebook.engagement.SupportEngagement;
import casebook.progress.EngagementProjection;
import casebook.progress.EngagementQueries;
import com.mongodb.client.MongoDatabase;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Assembles the two sides: the aggregates (command-side, free of Spring) and the projections and query
 * handlers (query-side). Axon finds the handlers on these beans; a projection's processing group is its
 * package ({@code casebook.progress}, {@code casebook.audittrail}), each a pooled streaming processor.
 */
@Configuration(proxyBeanMethods = false)
public class CaseConfiguration {

    /** A bean, because Spring's snapshotter finds the factories of the aggregates it snapshots in the context. */
    @Bean
    AggregateFactory<SupportEngagement> supportEngagementFactory() {
        return new GenericAggregateFactory<>(SupportEngagement.class);
    }

    /** Long-lived cases load from a snapshot plus the events after it, not from their first event. */
    @Bean
    ConfigurerModule supportEngagementAggregate(Cache aggregateCache, AggregateFactory<SupportEngagement> factory,
                                                @Value("${casebook.snapshot-threshold:100}") int snapshotThreshold) {
        return configurer -> configurer.configureAggregate(
                AggregateConfigurer.defaultConfiguration(SupportEngagement.class)
                        .configureAggregateFactory(c -> factory)
                        .configureCache(c -> aggregateCache)
                        .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), snapshotThreshold))
                        .configureCommandTargetResolver(c -> new ExpectedVersionTargetResolver()));
    }

    @Bean
    EngagementProjection engagementProjection(MongoDatabase database) {
        return new EngagementProjection(database);
    }

    @Bean
    EngagementQueries engagementQueries(MongoDatabase database) {
        return new EngagementQueries(database);
    }

    @Bean
    AuditTrailProjection auditTrailProjection(MongoDatabase database) {
        return new AuditTrailProjection(database);
    }

    @Bean
    AuditTrailQueries auditTrailQueries(MongoDatabase database) {
        return new AuditTrailQueries(database);
    }
}
