package casebook.kernel.consultation.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Approves the consultation with the 上限超過承認額 (whole yen, at most the excess asked for). */
public record ApproveUpperLimitConsultation(@TargetAggregateIdentifier String consultationId, LocalDate approvedOn, Long approvedExcessAmount, String approvedBy) {
}
