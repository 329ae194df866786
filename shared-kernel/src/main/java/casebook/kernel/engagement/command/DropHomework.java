package casebook.kernel.engagement.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Drops an open homework item that is no longer needed, with a reason. */
public record DropHomework(@TargetAggregateIdentifier String engagementId, String itemId, String reason, LocalDate occurredOn) {
}
