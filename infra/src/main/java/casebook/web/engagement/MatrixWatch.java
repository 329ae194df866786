package casebook.web.engagement;

import casebook.kernel.engagement.query.MatrixRow;
import casebook.kernel.engagement.query.MatrixView;
import casebook.kernel.engagement.query.MilestoneMatrix;
import casebook.progress.EngagementQueries;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Live matrices across instances. The engagement projection emits a row as soon as it writes it, but only to the
 * matrices open on its own instance; with several instances a row's segment may be projected elsewhere (ADR 0009).
 * So every instance also re-reads, once a second, the matrices its browsers have open (one bucket look-up and one
 * {@code $in} each) and sends the rows that changed since it last looked. A row sent twice is harmless: the page
 * replaces a row by its id and ignores an identical one. Nothing is read while no matrix is open.
 */
@Component
class MatrixWatch implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MatrixWatch.class);

    private final QueryUpdateEmitter emitter;
    private final EngagementQueries queries;
    /** The rows each open matrix was last seen with. */
    private final Map<MilestoneMatrix, Map<String, MatrixRow>> seen = new HashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "casebook-matrix-watch");
        t.setDaemon(true);
        return t;
    });

    MatrixWatch(QueryUpdateEmitter emitter, EngagementQueries queries,
                @Value("${casebook.live.watch-interval:1s}") Duration interval) {
        this.emitter = emitter;
        this.queries = queries;
        scheduler.scheduleWithFixedDelay(this::safeLook, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void safeLook() {
        try {
            look();
        } catch (RuntimeException e) {
            log.warn("live matrix watch failed; trying again in a moment", e);
        }
    }

    /** One round: every open matrix read once, its changed rows sent to the streams that show it. */
    void look() {
        Set<MilestoneMatrix> open = emitter.activeSubscriptions().stream()
                .map(s -> s.getPayload()).filter(MilestoneMatrix.class::isInstance).map(MilestoneMatrix.class::cast)
                .collect(Collectors.toCollection(HashSet::new));
        seen.keySet().retainAll(open);
        for (MilestoneMatrix matrix : open) {
            MatrixView view = queries.matrix(matrix);
            Map<String, MatrixRow> now = view.rows().stream()
                    .collect(Collectors.toMap(MatrixRow::engagementId, r -> r, (a, b) -> b));
            Map<String, MatrixRow> before = seen.put(matrix, now);
            for (MatrixRow row : now.values()) {
                // First look at a matrix: send every row, since the streams' first answers may be older than this.
                if (before == null || !row.equals(before.get(row.engagementId()))) {
                    emitter.emit(MilestoneMatrix.class, matrix::equals, row);
                }
            }
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
