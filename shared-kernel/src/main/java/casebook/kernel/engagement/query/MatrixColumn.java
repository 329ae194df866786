package casebook.kernel.engagement.query;

/** A matrix column: a milestone key (M0_5) and its label (0.5mtg). */
public record MatrixColumn(String key, String label) {
}
