package casebook.web.retention;

import casebook.kernel.audit.CaseType;
import java.time.LocalDate;

/**
 * A case's retention: open cases have no period yet; closed ones are kept until {@code retainUntil}, and are
 * due for review (廃棄・移管の判断) once that day is within the review horizon.
 */
public record RetentionStatus(String caseId, CaseType caseType, String title, String bureauCode, String retentionClass,
                              int years, LocalDate closedOn, LocalDate retentionStartsOn, LocalDate retainUntil,
                              boolean dueForReview) {
}
