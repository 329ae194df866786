package casebook.kernel.engagement;

/** The state of one milestone: 未定, 予定, 実施済, 中止, スキップ. */
public enum MilestoneStatus { NOT_PLANNED, PLANNED, HELD, CANCELLED, SKIPPED;

    /** Held, cancelled and skipped milestones no longer block later ones. */
    public boolean settled() {
        return this == HELD || this == CANCELLED || this == SKIPPED;
    }
}
