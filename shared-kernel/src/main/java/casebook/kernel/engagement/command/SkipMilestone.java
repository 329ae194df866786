package casebook.kernel.engagement.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Skips a milestone so that later ones may be held (a supervisor's call), with a reason. */
public record SkipMilestone(@TargetAggregateIdentifier String engagementId, String milestone, String reason, LocalDate occurredOn) {
}
