package casebook.kernel.consultation.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Links the consultation to the grant case (交付案件) whose cost it lets exceed the cap. */
public record LinkGrantCase(@TargetAggregateIdentifier String consultationId, String grantCaseId, LocalDate occurredOn) {
}
