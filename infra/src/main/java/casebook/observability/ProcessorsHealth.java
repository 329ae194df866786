package casebook.observability;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/processors/{name}}: one indicator per streaming processor, with its state, position and
 * lag. A processor that is failing or stopped is OUT_OF_SERVICE: its read model no longer advances. It does not
 * make Casebook unready: commands are still taken and stored, reads answer (stale for that read model), and the
 * same fault would stop the processor on every instance, so taking instances out of rotation would turn a stale
 * view into an outage. application.yml therefore answers 200 for OUT_OF_SERVICE at {@code /actuator/health}
 * (the contract: 200 while commands are taken) and leaves processors out of the readiness group; a failing
 * processor is an alert on the metrics (docs/DEPLOYMENT.md). The error shown is the exception's type only,
 * because health is public; the message is in the log.
 */
@Component("processors")
class ProcessorsHealth implements CompositeHealthContributor {

    private final ProcessorProgress progress;
    private final ProcessorErrors errors;

    ProcessorsHealth(ProcessorProgress progress, ProcessorErrors errors) {
        this.progress = progress;
        this.errors = errors;
    }

    @Override
    public HealthContributor getContributor(String name) {
        return progress.processorNames().contains(name) ? (HealthIndicator) () -> health(name) : null;
    }

    @Override
    public Iterator<NamedContributor<HealthContributor>> iterator() {
        List<NamedContributor<HealthContributor>> all = new ArrayList<>();
        for (String name : progress.processorNames()) {
            all.add(NamedContributor.of(name, getContributor(name)));
        }
        return all.iterator();
    }

    Health health(String name) {
        StreamingEventProcessor processor = progress.processor(name).orElse(null);
        if (processor == null) {
            return Health.unknown().build();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        boolean running = processor.isRunning();
        String segmentError = null;
        List<Integer> claimedHere = new ArrayList<>();
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            claimedHere.add(status.getSegment().getSegmentId());
            if (status.isErrorState() && status.getError() != null) {
                segmentError = status.getError().getClass().getName();
            }
        }
        var failure = errors.failing(name);
        boolean inError = processor.isError() || segmentError != null || failure.isPresent();
        // Stopped while a full rebuild replays its events through another processor: that is the rebuild running.
        Optional<String> replayedBy = running ? Optional.empty() : progress.replayedBy(name);
        details.put("state", replayedBy.isPresent() ? "rebuilding" : !running ? "stopped" : inError ? "error" : "running");
        replayedBy.ifPresent(r -> details.put("replayedBy", r));
        failure.ifPresent(f -> {
            details.put("error", f.error());
            details.put("failedAt", f.at().toString());
            details.put("failuresInARow", f.consecutive());
        });
        if (failure.isEmpty() && segmentError != null) {
            details.put("error", segmentError);
        }
        ProcessorProgress.Position p = progress.positions().get(name);
        if (p != null) {
            details.put("position", p.position());
            details.put("head", p.head());
            details.put("lagEvents", p.lagEvents());
            details.put("lagSeconds", p.lagSeconds());
            details.put("replaying", p.replaying());
        }
        details.put("segmentsClaimedHere", claimedHere);
        Status status = (running || replayedBy.isPresent()) && !inError ? Status.UP : Status.OUT_OF_SERVICE;
        return Health.status(status).withDetails(details).build();
    }
}
