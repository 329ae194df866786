package casebook.inquiries;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.audit.asof.RecordedCaseEvent;
import casebook.kernel.consultation.query.ConsultationView;
import java.time.Instant;
import java.util.List;

/**
 * The read model's fold of one individual consultation (個別協議), in memory: events go through the same
 * {@link ConsultationModel} as in {@link ConsultationProjection}, and the view comes out the way the stored document
 * reads back. Nothing is read from or written to MongoDB. One instance per case; events in sequence order.
 */
public final class ConsultationReplay {

    private final ModelReplay<ConsultationState> fold = new ModelReplay<>(ConsultationModel.INSTANCE);

    /** The events' view, or null when none of them opened the case. */
    public static ConsultationView replay(List<RecordedCaseEvent> events) {
        ConsultationReplay replay = new ConsultationReplay();
        events.forEach(e -> replay.apply(e.event(), e.seq(), e.recordedAt()));
        return replay.view();
    }

    /**
     * Applies one event as the projection would; false when it leaves the case alone (another aggregate's event, an
     * event before the opening, or one at or below the version already applied).
     */
    public boolean apply(CaseEvent event, long seq, Instant recordedAt) {
        return fold.apply(event, seq, recordedAt);
    }

    /** The view as the read model would hold it now, or null before the opening. */
    public ConsultationView view() {
        return fold.view(ConsultationView.class);
    }
}
