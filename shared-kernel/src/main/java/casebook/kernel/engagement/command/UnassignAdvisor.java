package casebook.kernel.engagement.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes an assigned advisor, with a reason. */
public record UnassignAdvisor(@TargetAggregateIdentifier String engagementId, String advisorId, String reason, LocalDate occurredOn) {
}
