package casebook.kernel.grant.query;

/** Where a step stands on a given day; worked out when read, since "overdue" depends on the day. */
public enum GrantStepStatus {
    /** Recorded. */
    DONE("済"),
    /** Still to do and its plan's last day has passed. */
    OVERDUE("期限超過"),
    /** Still to do, planned and not yet due (or planned 時期未定). */
    PLANNED("予定"),
    /** Still to do, with no plan. */
    NOT_PLANNED("予定なし"),
    /** Not recorded and no longer expected: a later step was recorded, or a settlement step is not needed. */
    SKIPPED("省略");

    private final String label;

    GrantStepStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
