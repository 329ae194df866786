package casebook.kernel.consultation.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the bureau's review of a submitted consultation (審査・助言). */
public record ReviewUpperLimitConsultation(@TargetAggregateIdentifier String consultationId, LocalDate reviewedOn, String reviewer, String findings) {
}
