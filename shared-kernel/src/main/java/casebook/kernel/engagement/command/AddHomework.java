package casebook.kernel.engagement.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a homework item, due before a milestone (1.5mtgまでに…) or on a date. */
public record AddHomework(@TargetAggregateIdentifier String engagementId, String itemId, String description, String owner, String dueBefore, LocalDate dueOn, LocalDate occurredOn) {
}
