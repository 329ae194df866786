package casebook.kernel.grant.query;

/**
 * Procedures whose 支出負担行為示達 has been received but whose 交付決定 is not yet approved (決裁), as
 * {@link PendingApproval}s, longest waiting first (S4); a null bureau means all bureaus.
 */
public record PendingApprovals(String bureau) {
}
