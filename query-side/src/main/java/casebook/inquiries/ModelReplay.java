package casebook.inquiries;

import casebook.kernel.audit.CaseEvent;
import casebook.readmodel.BsonViews;
import java.time.Instant;

/**
 * A case of this package folded in memory the way {@link PendingCases} folds it for the projection: the model's
 * {@code handles}/{@code opens}/{@code apply}, version and recording time kept, replays at or below the version
 * skipped; the view comes out the way the stored document reads back.
 */
final class ModelReplay<S extends CaseState> {

    private final CaseModel<S> model;
    private S state;

    ModelReplay(CaseModel<S> model) {
        this.model = model;
    }

    boolean apply(CaseEvent event, long seq, Instant recordedAt) {
        if (event == null || !model.handles(event) || event.caseId() == null) {
            return false;
        }
        if (state == null) {
            if (!model.opens(event)) {
                return false;
            }
            state = model.fresh();
            state.id = event.caseId();
        } else if (seq <= state.version) {
            return false;
        }
        model.apply(state, event);
        state.version = seq;
        state.lastRecordedAt = recordedAt;
        return true;
    }

    <V> V view(Class<V> type) {
        return BsonViews.asStored(state, type);
    }
}
