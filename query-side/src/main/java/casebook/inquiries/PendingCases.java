package casebook.inquiries;

import casebook.kernel.audit.CaseEvent;
import casebook.readmodel.CasesOfABatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.RawBsonDocument;

/**
 * The cases a batch of events touched: each is loaded once, changed in memory by every event of the batch, and
 * written once (guarded by the version it was loaded at) with its row and bucket membership. Events at or below the
 * stored version are skipped, so a replayed batch changes nothing.
 */
final class PendingCases<S extends CaseState> extends CasesOfABatch<Stored<S>, RawBsonDocument> {

    private final CaseModel<S> model;
    private final CaseRepository<S> cases;
    private final Buckets buckets;

    PendingCases(CaseModel<S> model, CaseRepository<S> cases, Buckets buckets) {
        this.model = model;
        this.cases = cases;
        this.buckets = buckets;
    }

    /** Applies one event; should it fail, the case stays as it was before it (see {@link CasesOfABatch}). */
    void apply(CaseEvent event, Long seq, Instant recordedAt) {
        if (seq == null || !model.handles(event) || event.caseId() == null) {
            return;
        }
        applyEvent(event.caseId(), () -> change(event, seq, recordedAt));
    }

    private void change(CaseEvent event, long seq, Instant recordedAt) {
        Stored<S> stored = load(event.caseId());
        if (stored == null) {
            if (!model.opens(event)) {
                return; // nothing to attach it to: the opening was never seen by this read model
            }
            stored = fresh(event.caseId());
            stored.state().id = event.caseId();
        } else if (seq < stored.state().version) {
            return;
        } else if (seq == stored.state().version) {
            changed(event.caseId(), stored); // the row or bucket write may be what failed last time
            return;
        }
        model.apply(stored.state(), event);
        stored.state().version = seq;
        stored.state().lastRecordedAt = recordedAt;
        changed(event.caseId(), stored);
    }

    @Override
    protected Stored<S> read(String id) {
        return cases.load(id);
    }

    @Override
    protected Map<String, RawBsonDocument> fetchAll(List<String> ids) {
        return cases.documents(ids);
    }

    @Override
    protected Stored<S> decode(RawBsonDocument document) {
        return cases.decode(document);
    }

    @Override
    protected boolean handles(CaseEvent event) {
        return model.handles(event);
    }

    @Override
    protected Stored<S> empty() {
        return new Stored<>(model.fresh(), Stored.NONE, null);
    }

    /**
     * New bucket, row, old bucket, then the case: should a write fail, the case document still has its old version,
     * so the same events are applied again and every write is repeated. A case caught between two buckets is in both
     * for a moment; readers take each id once and filter on the row.
     */
    @Override
    protected void write(Stored<S> stored) {
        writeAll(List.of(stored));
    }

    /** As {@link #write}, for the whole batch: all new buckets, all rows, all old buckets, all cases; a bulk write each. */
    @Override
    protected void writeAll(List<Stored<S>> all) {
        List<String[]> joins = new ArrayList<>();
        Map<String, Object> rows = new LinkedHashMap<>();
        List<String[]> leaves = new ArrayList<>();
        List<Stored<S>> saves = new ArrayList<>(all.size());
        for (Stored<S> stored : all) {
            S s = stored.state();
            String bucket = model.bucketOf(s);
            boolean fresh = stored.version() == Stored.NONE;
            boolean redelivered = s.version == stored.version();
            boolean moved = !fresh && !Objects.equals(bucket, stored.bucket());
            if (fresh || redelivered || moved) {
                joins.add(new String[] {bucket, s.id});
            }
            rows.put(s.id, model.rowOf(s));
            if (moved && stored.bucket() != null) {
                leaves.add(new String[] {stored.bucket(), s.id});
            }
            if (!redelivered) {
                saves.add(stored);
            }
        }
        buckets.joinAll(joins);
        buckets.putAll(rows);
        buckets.leaveAll(leaves);
        cases.saveAll(saves);
    }
}
