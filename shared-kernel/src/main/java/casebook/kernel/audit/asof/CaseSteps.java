package casebook.kernel.audit.asof;

/** The step-through of one case: a list of {@link CaseStep}, one per event in sequence order; empty for an unknown case. */
public record CaseSteps(String caseId) {
}
