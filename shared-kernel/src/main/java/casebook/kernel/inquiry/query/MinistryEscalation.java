package casebook.kernel.inquiry.query;

import java.time.LocalDate;

/** A question put to the ministry (本省照会) and, once received, its answer and the day it came ({@code answeredOn}). */
public record MinistryEscalation(String question, LocalDate escalatedOn, String ministryAnswer, LocalDate answeredOn) {
}
