package casebook.consultation;

import casebook.kernel.InvalidInput;

/** The 上限超過承認額 cannot be more than the excess the municipality asked for. */
public class ApprovalAboveExcess extends InvalidInput {
    public ApprovalAboveExcess(long approved, long excessAmount) {
        super("approvedExcessAmount", "approvedExcessAmount " + approved + " exceeds the excess asked for ("
                + excessAmount + ")");
    }
}
