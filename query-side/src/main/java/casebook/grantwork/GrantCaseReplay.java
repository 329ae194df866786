package casebook.grantwork;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.audit.asof.RecordedCaseEvent;
import casebook.kernel.grant.event.GrantCaseOpened;
import casebook.kernel.grant.query.GrantCaseView;
import casebook.readmodel.BsonViews;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The grant read model's fold of one grant case, in memory: events go through the same {@link GrantCaseApplier} as in
 * {@link GrantCaseProjection}, and the view comes out the way the stored document reads back (step statuses null),
 * or, with a day, the way {@link GrantQueries} answers it on that day. Nothing is read from or written to MongoDB.
 * One instance per case; events in sequence order.
 */
public final class GrantCaseReplay {

    private StoredGrantCase stored;

    /** The events' view with step statuses as of {@code day}, or null when none of them opened the case. */
    public static GrantCaseView replay(List<RecordedCaseEvent> events, LocalDate day) {
        GrantCaseReplay replay = new GrantCaseReplay();
        events.forEach(e -> replay.apply(e.event(), e.seq(), e.recordedAt()));
        return replay.viewOn(day);
    }

    /**
     * Applies one event as the projection would; false when it leaves the case alone (another aggregate's event, an
     * event before the opening, or one at or below the version already applied).
     */
    public boolean apply(CaseEvent event, long seq, Instant recordedAt) {
        if (event == null || !GrantCaseApplier.handles(event)) {
            return false;
        }
        if (stored == null) {
            if (!(event instanceof GrantCaseOpened)) {
                return false;
            }
            stored = StoredGrantCase.fresh();
        } else if (seq <= stored.grantCase().version) {
            return false;
        }
        GrantCaseApplier.apply(stored, event, seq);
        stored.grantCase().version = seq;
        stored.grantCase().lastRecordedAt = recordedAt;
        return true;
    }

    /** The view as stored: what the events say, nothing that depends on the day (step statuses are null). */
    public GrantCaseView view() {
        return stored == null ? null : BsonViews.asStored(stored.grantCase(), GrantCaseView.class);
    }

    /** The view as the case's detail shows it on {@code day}: step statuses and overdue worked out for that day. */
    public GrantCaseView viewOn(LocalDate day) {
        GrantCaseView v = view();
        return v == null ? null : GrantQueries.onDay(v, day);
    }
}
