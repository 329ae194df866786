package casebook.kernel.audit.query;

/** Every event of one case in sequence order, as a list of {@link TimelineEntry}; empty for an unknown case. */
public record CaseTimeline(String caseId) {
}
