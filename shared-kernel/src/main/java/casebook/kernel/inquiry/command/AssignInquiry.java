package casebook.kernel.inquiry.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Assigns the inquiry to an officer (by user name); assigning again hands it over. */
public record AssignInquiry(@TargetAggregateIdentifier String inquiryId, String officer, LocalDate assignedOn) {
}
