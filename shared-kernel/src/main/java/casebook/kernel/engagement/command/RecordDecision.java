package casebook.kernel.engagement.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a decision (決定) taken by the municipality or the support team. */
public record RecordDecision(@TargetAggregateIdentifier String engagementId, String decisionId, String milestone, LocalDate decidedOn, String text) {
}
