package casebook.axon;

import casebook.audittrail.AuditTrailProjection;
import casebook.audittrail.AuditTrailQueries;
import casebook.audittrail.CaseLog;
import casebook.consultation.UpperLimitConsultation;
import casebook.engagement.SupportEngagement;
import casebook.eventstore.MongoEventStorageEngine;
import casebook.grant.GrantCase;
import casebook.grantwork.GrantCaseProjection;
import casebook.grantwork.GrantQueries;
import casebook.inquiries.ConsultationProjection;
import casebook.inquiries.ConsultationQueries;
import casebook.inquiries.InquiryProjection;
import casebook.inquiries.InquiryQueries;
import casebook.inquiry.Inquiry;
import java.time.Clock;
import java.util.List;
import casebook.progress.EngagementProjection;
import casebook.progress.EngagementQueries;
import casebook.readmodel.EndOfBatch;
import casebook.readmodel.ReplayCheckpoints;
import com.mongodb.client.MongoDatabase;
import org.axonframework.queryhandling.QueryUpdateEmitter;
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
 * package ({@code casebook.progress}, {@code casebook.audittrail}, {@code casebook.grantwork},
 * {@code casebook.inquiries}), each a pooled streaming processor.
 */
@Configuration(proxyBeanMethods = false)
public class CaseConfiguration {

    /** Beans, because Spring's snapshotter finds the factories of the aggregates it snapshots in the context. */
    @Bean
    AggregateFactory<SupportEngagement> supportEngagementFactory() {
        return new GenericAggregateFactory<>(SupportEngagement.class);
    }

    @Bean
    AggregateFactory<GrantCase> grantCaseFactory() {
        return new GenericAggregateFactory<>(GrantCase.class);
    }

    @Bean
    AggregateFactory<Inquiry> inquiryFactory() {
        return new GenericAggregateFactory<>(Inquiry.class);
    }

    @Bean
    AggregateFactory<UpperLimitConsultation> consultationFactory() {
        return new GenericAggregateFactory<>(UpperLimitConsultation.class);
    }

    /**
     * Every case type the same way: cached between commands, snapshotted every {@code snapshotThreshold}
     * events (long-lived cases load from a snapshot plus the events after it), and If-Match honoured.
     */
    @Bean
    ConfigurerModule caseAggregates(Cache aggregateCache, List<AggregateFactory<?>> factories,
                                    @Value("${casebook.snapshot-threshold:100}") int snapshotThreshold) {
        return configurer -> factories.forEach(factory -> configurer.configureAggregate(aggregate(factory, aggregateCache,
                snapshotThreshold)));
    }

    private static <T> AggregateConfigurer<T> aggregate(AggregateFactory<T> factory, Cache cache, int snapshotThreshold) {
        return AggregateConfigurer.defaultConfiguration(factory.getAggregateType())
                .configureAggregateFactory(c -> factory)
                .configureCache(c -> cache)
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), snapshotThreshold))
                .configureCommandTargetResolver(c -> new ExpectedVersionTargetResolver());
    }

    /**
     * Each projection collects a batch's changes in memory; EndOfBatch writes them after the batch's last event, and a
     * failed write fails the batch, which the processor then retries (casebook.readmodel.BatchWrites).
     */
    @Bean
    ConfigurerModule batchWrites(ReplayCheckpoints checkpoints) {
        return configurer -> configurer.eventProcessing(processing -> ProcessingGroups.ALL.forEach(group ->
                processing.registerHandlerInterceptor(group, c -> new EndOfBatch(checkpoints))));
    }

    @Bean
    EngagementProjection engagementProjection(MongoDatabase database, QueryUpdateEmitter updates) {
        return new EngagementProjection(database, updates);
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
    CaseLog caseLog(MongoEventStorageEngine eventStorageEngine) {
        return new EventStoreCaseLog(eventStorageEngine);
    }

    @Bean
    AuditTrailQueries auditTrailQueries(CaseLog caseLog) {
        return new AuditTrailQueries(caseLog);
    }

    @Bean
    GrantCaseProjection grantCaseProjection(MongoDatabase database) {
        return new GrantCaseProjection(database);
    }

    @Bean
    GrantQueries grantQueries(MongoDatabase database, Clock clock) {
        return new GrantQueries(database, clock);
    }

    @Bean
    InquiryProjection inquiryProjection(MongoDatabase database) {
        return new InquiryProjection(database);
    }

    @Bean
    InquiryQueries inquiryQueries(MongoDatabase database, Clock clock) {
        return new InquiryQueries(database, clock);
    }

    @Bean
    ConsultationProjection consultationProjection(MongoDatabase database) {
        return new ConsultationProjection(database);
    }

    @Bean
    ConsultationQueries consultationQueries(MongoDatabase database) {
        return new ConsultationQueries(database);
    }
}
