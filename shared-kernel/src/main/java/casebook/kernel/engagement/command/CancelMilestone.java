package casebook.kernel.engagement.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancels a milestone that has not been held (中止), with a reason. */
public record CancelMilestone(@TargetAggregateIdentifier String engagementId, String milestone, String reason, LocalDate occurredOn) {
}
