package casebook.kernel.grant.query;

import casebook.kernel.grant.GrantStep;
import casebook.kernel.grant.GrantType;

/**
 * Grant cases as {@link GrantCaseSummary} rows (C7); a null criterion does not filter. {@code waitingFor} matches
 * a case when any of its open procedures waits for that step.
 */
public record GrantWorklist(String bureau, GrantType grantType, Integer targetFiscalYear, GrantStep waitingFor) {
}
