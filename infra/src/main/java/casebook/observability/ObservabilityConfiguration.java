package casebook.observability;

import casebook.axon.ProcessingGroups;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon wiring of the processor error counts (the retry policy itself is in casebook.axon.AxonConfiguration) and of
 * the batch sizes.
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    @Bean
    ConfigurerModule processorErrorCounting(ProcessorErrors errors) {
        return configurer -> configurer.eventProcessing().registerDefaultErrorHandler(c -> errors.errorHandler());
    }

    @Bean
    ConfigurerModule batchSizes(MeterRegistry meters) {
        return configurer -> configurer.eventProcessing(processing -> ProcessingGroups.ALL.forEach(group ->
                processing.registerHandlerInterceptor(group, c -> new BatchSizes(meters, group))));
    }
}
