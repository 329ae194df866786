package casebook.inquiries;

import casebook.kernel.audit.CaseEvent;
import casebook.readmodel.BatchWrites;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The cases a batch of events touched: each is loaded once, changed in memory by every event of the batch, and
 * written once (guarded by the version it was loaded at) with its row and bucket membership. Events at or below the
 * stored version are skipped, so a replayed batch changes nothing.
 */
final class PendingCases<S extends CaseState> implements BatchWrites.Pending {

    private final CaseModel<S> model;
    private final CaseRepository<S> cases;
    private final Buckets buckets;
    private final Map<String, Stored<S>> loaded = new LinkedHashMap<>();
    private final Map<String, Stored<S>> changed = new LinkedHashMap<>();

    PendingCases(CaseModel<S> model, CaseRepository<S> cases, Buckets buckets) {
        this.model = model;
        this.cases = cases;
        this.buckets = buckets;
    }

    void apply(CaseEvent event, Long seq, Instant recordedAt) {
        if (seq == null || !model.handles(event) || event.caseId() == null) {
            return;
        }
        Stored<S> stored = load(event.caseId());
        if (stored == null) {
            if (!model.opens(event)) {
                return; // nothing to attach it to: the opening was never seen by this read model
            }
            stored = new Stored<>(model.fresh(), Stored.NONE, null);
            stored.state().id = event.caseId();
            loaded.put(event.caseId(), stored);
        } else if (seq < stored.state().version) {
            return;
        } else if (seq == stored.state().version) {
            changed.put(event.caseId(), stored); // the row or bucket write may be what failed last time
            return;
        }
        model.apply(stored.state(), event);
        stored.state().version = seq;
        stored.state().lastRecordedAt = recordedAt;
        changed.put(event.caseId(), stored);
    }

    private Stored<S> load(String id) {
        if (loaded.containsKey(id)) {
            return loaded.get(id);
        }
        Stored<S> stored = cases.load(id);
        loaded.put(id, stored);
        return stored;
    }

    @Override
    public void flush() {
        // New bucket, row, old bucket, then the case: should a write fail, the case document still has its old
        // version, so the same events are applied again and every write is repeated. A case caught between two
        // buckets is in both for a moment; readers take each id once and filter on the row.
        for (Stored<S> stored : changed.values()) {
            S s = stored.state();
            String bucket = model.bucketOf(s);
            boolean fresh = stored.version() == Stored.NONE;
            boolean redelivered = s.version == stored.version();
            boolean moved = !fresh && !Objects.equals(bucket, stored.bucket());
            if (fresh || redelivered || moved) {
                buckets.join(bucket, s.id);
            }
            buckets.put(s.id, model.rowOf(s));
            if (moved && stored.bucket() != null) {
                buckets.leave(stored.bucket(), s.id);
            }
            if (!redelivered) {
                cases.save(stored);
            }
        }
        changed.clear();
        loaded.clear();
    }
}
