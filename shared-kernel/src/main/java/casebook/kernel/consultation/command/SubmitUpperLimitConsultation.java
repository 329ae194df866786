package casebook.kernel.consultation.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the consultation reached the bureau via the municipality's prefecture (都道府県経由). */
public record SubmitUpperLimitConsultation(@TargetAggregateIdentifier String consultationId, LocalDate submittedOn, String prefectureCode) {
}
