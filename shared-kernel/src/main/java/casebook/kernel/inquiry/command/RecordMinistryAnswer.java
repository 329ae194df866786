package casebook.kernel.inquiry.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the ministry's answer to an escalated inquiry. */
public record RecordMinistryAnswer(@TargetAggregateIdentifier String inquiryId, LocalDate receivedOn, String answer) {
}
