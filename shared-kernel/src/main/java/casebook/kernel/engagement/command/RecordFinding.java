package casebook.kernel.engagement.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a finding (気づき) from a held milestone. */
public record RecordFinding(@TargetAggregateIdentifier String engagementId, String findingId, String milestone, String text, LocalDate occurredOn) {
}
