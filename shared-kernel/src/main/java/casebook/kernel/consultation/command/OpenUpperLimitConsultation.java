package casebook.kernel.consultation.command;

import casebook.kernel.consultation.CapInputs;
import casebook.kernel.consultation.ConsultationReason;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens an individual consultation (個別協議) to exceed the 総合事業 cap. Amounts in whole yen; the bureau follows from
 * the municipality.
 */
public record OpenUpperLimitConsultation(@TargetAggregateIdentifier String consultationId, String municipalityCode, int fiscalYear, CapInputs capInputs, Long plannedCost, Long excessAmount, ConsultationReason reason, String reasonDetail, LocalDate occurredOn) {
}
