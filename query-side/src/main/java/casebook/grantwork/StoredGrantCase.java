package casebook.grantwork;

import java.util.LinkedHashMap;
import java.util.Map;

/** A grant case document as loaded: the case being changed, the correction targets by seq, and the stored version. */
record StoredGrantCase(GrantCase grantCase, Map<String, CorrectionTarget> corrections, long version) {

    /** Axon numbers an aggregate's events from 0, so a missing document stands at -1. */
    static final long NONE = -1;

    static StoredGrantCase fresh() {
        return new StoredGrantCase(new GrantCase(), new LinkedHashMap<>(), NONE);
    }
}
