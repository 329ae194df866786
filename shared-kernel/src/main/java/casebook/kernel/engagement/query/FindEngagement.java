package casebook.kernel.engagement.query;

/** One engagement's detail ({@link EngagementView}), or null when the id is unknown. */
public record FindEngagement(String engagementId) {
}
