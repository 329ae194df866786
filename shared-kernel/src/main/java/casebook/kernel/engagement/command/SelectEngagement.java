package casebook.kernel.engagement.command;

import casebook.kernel.engagement.SelectedBy;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the selection (選定) of the municipality. */
public record SelectEngagement(@TargetAggregateIdentifier String engagementId, LocalDate selectedOn, SelectedBy selectedBy) {
}
