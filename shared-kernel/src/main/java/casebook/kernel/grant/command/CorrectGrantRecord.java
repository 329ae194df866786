package casebook.kernel.grant.command;

import casebook.kernel.grant.GrantCorrectedFields;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Corrects a recorded step, naming its event by sequence number, with a reason; nothing is overwritten. */
public record CorrectGrantRecord(@TargetAggregateIdentifier String grantCaseId, long correctsEvent, String reason,
                                 GrantCorrectedFields fields, LocalDate occurredOn) {
}
