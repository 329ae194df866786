package casebook.inquiries;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.audit.asof.RecordedCaseEvent;
import casebook.kernel.inquiry.query.InquiryView;
import java.time.Instant;
import java.util.List;

/**
 * The read model's fold of one inquiry (疑義照会), in memory: events go through the same {@link InquiryModel} as in
 * {@link InquiryProjection}, and the view comes out the way the stored document reads back. Nothing is read from or
 * written to MongoDB. One instance per case; events in sequence order.
 */
public final class InquiryReplay {

    private final ModelReplay<InquiryState> fold = new ModelReplay<>(InquiryModel.INSTANCE);

    /** The events' view, or null when none of them opened the case. */
    public static InquiryView replay(List<RecordedCaseEvent> events) {
        InquiryReplay replay = new InquiryReplay();
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
    public InquiryView view() {
        return fold.view(InquiryView.class);
    }
}
