package casebook.kernel.engagement.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the entry was not selected (不選定). */
public record RecordNonSelection(@TargetAggregateIdentifier String engagementId, LocalDate decidedOn, String reason) {
}
