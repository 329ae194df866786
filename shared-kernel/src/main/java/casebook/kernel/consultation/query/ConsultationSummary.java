package casebook.kernel.consultation.query;

import casebook.kernel.consultation.ConsultationReason;
import casebook.kernel.consultation.ConsultationStatus;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of the consultation list; amounts in whole yen. {@code decidedOn} is the day of approval or rejection.
 */
public record ConsultationSummary(
        String id, String municipalityCode, String municipalityName, String bureauCode, int fiscalYear,
        String fiscalYearLabel, long plannedCost, long excessAmount, Long approvedExcessAmount,
        ConsultationReason reason, ConsultationStatus status, String statusLabel, LocalDate submittedOn,
        LocalDate decidedOn, List<String> grantCaseIds, List<String> engagementIds, long version) {
}
