package casebook.grantwork;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.grant.query.GrantCaseSummary;
import casebook.readmodel.CasesOfABatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.RawBsonDocument;

/** The grant cases a batch of events touched, written once with their bucket row. */
final class PendingGrantCases extends CasesOfABatch<StoredGrantCase, RawBsonDocument> {

    static final String KEY = "casebook.grantwork.pending";

    private final GrantCaseRepository cases;
    private final GrantBuckets buckets;

    PendingGrantCases(GrantCaseRepository cases, GrantBuckets buckets) {
        this.cases = cases;
        this.buckets = buckets;
    }

    @Override
    protected StoredGrantCase read(String id) {
        return cases.load(id);
    }

    @Override
    protected Map<String, RawBsonDocument> fetchAll(List<String> ids) {
        return cases.documents(ids);
    }

    @Override
    protected StoredGrantCase decode(RawBsonDocument document) {
        return cases.decode(document);
    }

    @Override
    protected boolean handles(CaseEvent event) {
        return GrantCaseApplier.handles(event);
    }

    @Override
    protected StoredGrantCase empty() {
        return StoredGrantCase.fresh();
    }

    void changed(StoredGrantCase stored) {
        changed(stored.grantCase().id, stored);
    }

    /**
     * Bucket, then row, then the case: should a write fail, the case document still has its old version, so the
     * same events are applied again and every write is repeated.
     */
    @Override
    protected void write(StoredGrantCase stored) {
        writeAll(List.of(stored));
    }

    /**
     * As {@link #write}, for the whole batch: all buckets, then all rows, then the buckets' new stamps, then all
     * cases, a bulk write each.
     */
    @Override
    protected void writeAll(List<StoredGrantCase> all) {
        List<GrantCaseSummary> joins = new ArrayList<>();
        List<GrantCaseSummary> rows = new ArrayList<>(all.size());
        List<StoredGrantCase> saves = new ArrayList<>(all.size());
        for (StoredGrantCase stored : all) {
            var row = GrantRows.of(stored.grantCase());
            boolean fresh = stored.version() == StoredGrantCase.NONE;
            boolean redelivered = stored.grantCase().version == stored.version();
            if (fresh || redelivered) {
                joins.add(row); // a redelivered last event repairs whatever its first delivery left unwritten
            }
            rows.add(row);
            if (!redelivered) {
                saves.add(stored);
            }
        }
        buckets.joinAll(joins);
        buckets.putAll(rows);
        buckets.touch(rows);
        cases.saveAll(saves);
    }
}
