package casebook.progress;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.audit.asof.RecordedCaseEvent;
import casebook.kernel.engagement.event.EngagementRegistered;
import casebook.kernel.engagement.query.EngagementView;
import casebook.readmodel.BsonViews;
import java.time.Instant;
import java.util.List;

/**
 * The progress read model's fold of one engagement, in memory: events go through the same {@link EngagementApplier}
 * as in {@link EngagementProjection}, and the view comes out the way the stored document reads back. Nothing is
 * read from or written to MongoDB. One instance per engagement; events in sequence order.
 */
public final class EngagementReplay {

    private StoredEngagement stored;

    /** The events' view, or null when none of them registered the engagement. */
    public static EngagementView replay(List<RecordedCaseEvent> events) {
        EngagementReplay replay = new EngagementReplay();
        events.forEach(e -> replay.apply(e.event(), e.seq(), e.recordedAt()));
        return replay.view();
    }

    /**
     * Applies one event as the projection would; false when it leaves the engagement alone (another aggregate's
     * event, an event before the registration, or one at or below the version already applied).
     */
    public boolean apply(CaseEvent event, long seq, Instant recordedAt) {
        if (event == null || !EngagementApplier.handles(event)) {
            return false;
        }
        if (stored == null) {
            if (!(event instanceof EngagementRegistered)) {
                return false;
            }
            stored = StoredEngagement.fresh();
        } else if (seq <= stored.engagement().version) {
            return false;
        }
        EngagementApplier.apply(stored, event, seq);
        stored.engagement().version = seq;
        stored.engagement().lastRecordedAt = recordedAt;
        return true;
    }

    /** The view as the read model would hold it now, or null before the registration. */
    public EngagementView view() {
        return stored == null ? null
                : BsonViews.asStored(stored.engagement(), EngagementView.class);
    }
}
