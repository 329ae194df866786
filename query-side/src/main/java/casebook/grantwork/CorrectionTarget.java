package casebook.grantwork;

import casebook.kernel.grant.GrantStep;

/** What a step recording named: a correction names only its sequence number, so the projection keeps these per seq. */
record CorrectionTarget(String procedureId, GrantStep step) {
}
