package casebook.axon;

import java.util.List;

/**
 * The projections' processing groups, one per query-side package, each a pooled streaming processor of the same
 * name (application.yml).
 */
public final class ProcessingGroups {

    public static final String PROGRESS = "casebook.progress";
    public static final String AUDIT_TRAIL = "casebook.audittrail";
    public static final String GRANT_WORK = "casebook.grantwork";
    public static final String INQUIRIES = "casebook.inquiries";

    public static final List<String> ALL = List.of(PROGRESS, AUDIT_TRAIL, GRANT_WORK, INQUIRIES);

    private ProcessingGroups() {
    }
}
