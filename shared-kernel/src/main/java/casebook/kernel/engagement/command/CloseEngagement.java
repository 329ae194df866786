package casebook.kernel.engagement.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes the engagement (終了); before the support is complete only with a reason. */
public record CloseEngagement(@TargetAggregateIdentifier String engagementId, LocalDate closedOn, String outcomeSummary, String reason) {
}
