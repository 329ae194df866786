package casebook.kernel.engagement.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the municipality's withdrawal (辞退). */
public record WithdrawEngagement(@TargetAggregateIdentifier String engagementId, LocalDate withdrawnOn, String reason) {
}
