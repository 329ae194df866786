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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Assembles the two sides: the aggregates (command-side, free of Spring) and the projections and query
 * handlers (query-side). Axon finds the handlers on these beans; a projection's processing group is its
 * package ({@code casebook.progress}, {@code casebook.audittrail}), each a pooled streaming processor.
 */
@Configuration(proxyBeanMethods = false)
public class CaseConfiguration {

    @Bean
    ConfigurerModule supportEngagementAggregate(Cache aggregateCache) {
        return configurer -> configurer.configureAggregate(
                AggregateConfigurer.defaultConfiguration(SupportEngagement.class)
                        .configureCache(c -> aggregateCache)
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
