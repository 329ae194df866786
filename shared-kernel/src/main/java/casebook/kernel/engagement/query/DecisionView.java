package casebook.kernel.engagement.query;

import java.time.LocalDate;

/** A decision (決定事項), optionally tied to a milestone. */
public record DecisionView(String decisionId, String milestone, LocalDate decidedOn, String text) {
}
