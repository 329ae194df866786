package casebook.kernel.inquiry.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Refers the inquiry to the ministry (本省照会) with the question put to it. */
public record EscalateToMinistry(@TargetAggregateIdentifier String inquiryId, LocalDate escalatedOn, String question) {
}
