package casebook.kernel.inquiry.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes an answered inquiry (完了). */
public record CloseInquiry(@TargetAggregateIdentifier String inquiryId, LocalDate closedOn) {
}
