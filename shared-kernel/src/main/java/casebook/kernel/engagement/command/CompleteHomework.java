package casebook.kernel.engagement.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Completes an open homework item. */
public record CompleteHomework(@TargetAggregateIdentifier String engagementId, String itemId, LocalDate completedOn, String note) {
}
