package casebook.axon;

import casebook.eventstore.MongoEventStorageEngine;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Chains a digest of the case heads every few minutes, so a deleted case is detectable from then on. */
@Component
class CaseHeadDigestSchedule {

    private static final Logger log = LoggerFactory.getLogger(CaseHeadDigestSchedule.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "case-head-digests");
        t.setDaemon(true);
        return t;
    });

    CaseHeadDigestSchedule(MongoEventStorageEngine engine, @Value("${casebook.digest-interval:5m}") Duration interval) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                engine.digestCaseHeads();
            } catch (RuntimeException e) {
                log.warn("case-head digest failed; the next run catches up", e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
