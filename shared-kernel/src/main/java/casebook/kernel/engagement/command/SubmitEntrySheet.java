package casebook.kernel.engagement.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the municipality's entry sheet (エントリーシート) for 加速化. */
public record SubmitEntrySheet(@TargetAggregateIdentifier String engagementId, LocalDate receivedOn, String note) {
}
