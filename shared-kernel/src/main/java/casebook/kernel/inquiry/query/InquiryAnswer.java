package casebook.kernel.inquiry.query;

import java.time.LocalDate;

/** One answer given to the inquirer (回答); a later one corrects or completes it. */
public record InquiryAnswer(LocalDate answeredOn, String answer) {
}
