package casebook.kernel.consultation.query;

import java.time.LocalDate;

/** One review of the consultation by the bureau (審査・助言). */
public record ConsultationReview(LocalDate reviewedOn, String reviewer, String findings) {
}
