package casebook.kernel.time;

/** The fuzzy part of a month that schedules use instead of a date. */
public enum PeriodPart {
    /** 上旬: days 1–10 */
    EARLY("上旬"),
    /** 中旬: days 11–20 */
    MID("中旬"),
    /** 下旬: day 21 to the end */
    LATE("下旬"),
    /** 頃: around that month */
    AROUND("頃"),
    /** 時期未定: not decided yet */
    UNDECIDED("時期未定");

    private final String label;

    PeriodPart(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
