package casebook.web.asof;

import casebook.asof.AsOfQueries;
import casebook.audittrail.CaseLog;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The time-travel query handlers; Axon finds their @QueryHandler methods on the bean. */
@Configuration(proxyBeanMethods = false)
class AsOfConfiguration {

    @Bean
    AsOfQueries asOfQueries(CaseLog caseLog, Clock clock) {
        return new AsOfQueries(caseLog, clock);
    }
}
