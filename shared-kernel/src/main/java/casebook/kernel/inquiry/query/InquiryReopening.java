package casebook.kernel.inquiry.query;

import java.time.LocalDate;

/** A reopening of a closed inquiry, with its reason and the closing day it undid. */
public record InquiryReopening(LocalDate reopenedOn, String reason, LocalDate closedOn) {
}
