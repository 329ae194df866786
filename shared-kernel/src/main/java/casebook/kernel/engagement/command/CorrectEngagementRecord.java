package casebook.kernel.engagement.command;

import casebook.kernel.engagement.CorrectedFields;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Corrects fields of an earlier event, naming it by sequence number, with a reason; nothing is overwritten. */
public record CorrectEngagementRecord(@TargetAggregateIdentifier String engagementId, long correctsEvent, String reason, CorrectedFields fields, LocalDate occurredOn) {
}
