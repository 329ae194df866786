package casebook.kernel.engagement.query;

/** Homework still open ({@link HomeworkView} items), e.g. what is due before the next 1.5mtg; null does not filter. */
public record OpenHomework(String bureau, Integer fiscalYear) {
}
