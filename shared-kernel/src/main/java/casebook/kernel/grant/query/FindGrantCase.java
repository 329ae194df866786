package casebook.kernel.grant.query;

/** One grant case's detail ({@link GrantCaseView}, step statuses as of today), or null when the id is unknown. */
public record FindGrantCase(String grantCaseId) {
}
