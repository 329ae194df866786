package casebook.grantwork;

import casebook.readmodel.CasesOfABatch;

/** The grant cases a batch of events touched, written once with their bucket row. */
final class PendingGrantCases extends CasesOfABatch<StoredGrantCase> {

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
        var row = GrantRows.of(stored.grantCase());
        boolean fresh = stored.version() == StoredGrantCase.NONE;
        boolean redelivered = stored.grantCase().version == stored.version();
        if (fresh || redelivered) {
            buckets.join(row); // a redelivered last event repairs whatever its first delivery left unwritten
        }
        buckets.put(row);
        if (stored.grantCase().version != stored.version()) {
            cases.save(stored);
        }
    }
}
