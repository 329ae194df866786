package casebook.kernel.consultation.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Rejects the consultation (不承認), with a reason. */
public record RejectUpperLimitConsultation(@TargetAggregateIdentifier String consultationId, LocalDate rejectedOn, String reason) {
}
