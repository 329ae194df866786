package casebook.kernel.engagement.query;

/** Where a homework item (宿題) stands. */
public enum HomeworkStatus { OPEN, COMPLETED, DROPPED }
