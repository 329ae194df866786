package casebook.operations;

import casebook.eventstore.ChainReport;
import casebook.eventstore.MongoEventStorageEngine;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A verification of the whole store (every hash chain and case-head digest) as an operation: progress in events
 * read against the head of the log, the report's summary as its result. It reads every event, which takes minutes
 * on a large store (docs/PERFORMANCE.md: about 11,700 events/s).
 */
@Component
public class StoreVerification {

    static final String KIND = "verify";
    /** A report names every failure; the operation keeps the first ones, the count says how many there were. */
    private static final int FAILURES_KEPT = 100;

    private final Operations operations;
    private final MongoEventStorageEngine eventStore;

    public StoreVerification(Operations operations, MongoEventStorageEngine eventStore) {
        this.operations = operations;
        this.eventStore = eventStore;
    }

    /** Starts a verification in the background; empty if one started this way is still running. */
    public Optional<OperationProgress> start(String startedBy) {
        synchronized (operations) {
            if (operations.running(KIND, null).isPresent()) {
                return Optional.empty();
            }
            return Optional.of(operations.start(KIND, null, startedBy, eventStore.head(),
                    op -> summary(eventStore.verify(null, op::advanceTo))));
        }
    }

    /** Verifies in the caller's thread (GET /api/audit/verify), listed as an operation while it runs. */
    public ChainReport verifyNow(String startedBy) {
        OperationProgress op = operations.begin(KIND, "(request)", startedBy, eventStore.head());
        try {
            ChainReport report = eventStore.verify(null, op::advanceTo);
            op.succeed(summary(report));
            return report;
        } catch (RuntimeException | Error e) {
            op.fail(e);
            throw e;
        }
    }

    static Map<String, Object> summary(ChainReport report) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("ok", report.ok());
        summary.put("casesChecked", report.casesChecked());
        summary.put("eventsChecked", report.eventsChecked());
        summary.put("digestsChecked", report.digestsChecked());
        summary.put("failureCount", report.failures().size());
        summary.put("failures", report.failures().subList(0, Math.min(FAILURES_KEPT, report.failures().size())));
        return summary;
    }
}
