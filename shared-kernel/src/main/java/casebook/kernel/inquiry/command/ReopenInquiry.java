package casebook.kernel.inquiry.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reopens a closed inquiry, e.g. on a follow-up question, with a reason. */
public record ReopenInquiry(@TargetAggregateIdentifier String inquiryId, LocalDate reopenedOn, String reason) {
}
