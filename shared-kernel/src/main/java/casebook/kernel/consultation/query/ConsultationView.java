package casebook.kernel.consultation.query;

import casebook.kernel.consultation.CapInputs;
import casebook.kernel.consultation.ConsultationReason;
import casebook.kernel.consultation.ConsultationStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The detail of one individual consultation (個別協議, 上限超過) as the consultation read model holds it; amounts in whole
 * yen. {@code submittedViaName} is the prefecture it came through; {@code reviews} in order; {@code links} in linking
 * order, with the linked ids also split by kind. {@code version} is the sequence number of the last event applied.
 */
public record ConsultationView(
        String id, String municipalityCode, String municipalityName, String prefectureCode, String bureauCode,
        int fiscalYear, String fiscalYearLabel, CapInputs capInputs, long plannedCost, long excessAmount,
        ConsultationReason reason, String reasonLabel, String reasonDetail, LocalDate openedOn,
        ConsultationStatus status, String statusLabel, LocalDate submittedOn, String submittedViaName,
        List<ConsultationReview> reviews, Long approvedExcessAmount, String approvedBy, LocalDate approvedOn,
        ConsultationRejection rejection, List<ConsultationLink> links, List<String> grantCaseIds,
        List<String> engagementIds, long version, Instant lastRecordedAt) {
}
