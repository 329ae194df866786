package casebook.progress;

import java.util.LinkedHashMap;
import java.util.Map;

/** An engagement document as loaded: the view being changed, the correction targets by seq, and the stored version. */
record StoredEngagement(Engagement engagement, Map<String, CorrectionTarget> corrections, long version) {

    /** Axon numbers an aggregate's events from 0, so a missing document stands at -1. */
    static final long NONE = -1;

    static StoredEngagement fresh() {
        return new StoredEngagement(new Engagement(), new LinkedHashMap<>(), NONE);
    }
}
