package casebook.kernel.consultation.query;

import java.time.LocalDate;

/** The rejection (不承認) and its reason. */
public record ConsultationRejection(LocalDate rejectedOn, String reason) {
}
