package casebook.kernel.inquiry.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Answers the inquirer (回答). */
public record AnswerInquiry(@TargetAggregateIdentifier String inquiryId, LocalDate answeredOn, String answer) {
}
