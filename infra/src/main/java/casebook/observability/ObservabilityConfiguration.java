package casebook.observability;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon wiring of the processor error counts (the retry policy itself is in casebook.axon.AxonConfiguration). */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    @Bean
    ConfigurerModule processorErrorCounting(ProcessorErrors errors) {
        return configurer -> configurer.eventProcessing().registerDefaultErrorHandler(c -> errors.errorHandler());
    }
}
