package casebook.inquiries;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.consultation.ConsultationStatus;
import casebook.kernel.consultation.LinkKind;
import casebook.kernel.consultation.event.ConsultationLinked;
import casebook.kernel.consultation.event.IndividualConsultationApproved;
import casebook.kernel.consultation.event.IndividualConsultationOpened;
import casebook.kernel.consultation.event.IndividualConsultationRejected;
import casebook.kernel.consultation.event.IndividualConsultationReviewed;
import casebook.kernel.consultation.event.IndividualConsultationSubmitted;
import casebook.kernel.consultation.query.ConsultationLink;
import casebook.kernel.consultation.query.ConsultationRejection;
import casebook.kernel.consultation.query.ConsultationReview;
import casebook.kernel.consultation.query.ConsultationSummary;
import casebook.kernel.time.FiscalYear;
import java.util.List;

/**
 * Applies UpperLimitConsultation events to the in-memory consultation. Consultations are filed per bureau and fiscal
 * year ({@code "tohoku:2025"}), which never change once opened.
 */
final class ConsultationModel implements CaseModel<ConsultationState> {

    static final ConsultationModel INSTANCE = new ConsultationModel();

    static String bucketId(String bureau, int fiscalYear) {
        return bureau + ":" + fiscalYear;
    }

    @Override
    public Class<ConsultationState> type() {
        return ConsultationState.class;
    }

    @Override
    public boolean handles(CaseEvent event) {
        return event.getClass().getPackage() == IndividualConsultationOpened.class.getPackage();
    }

    @Override
    public boolean opens(CaseEvent event) {
        return event instanceof IndividualConsultationOpened;
    }

    @Override
    public ConsultationState fresh() {
        return new ConsultationState();
    }

    @Override
    public void apply(ConsultationState s, CaseEvent event) {
        if (event instanceof IndividualConsultationOpened e) {
            s.municipalityCode = e.municipalityCode();
            s.municipalityName = e.municipalityName();
            s.prefectureCode = e.prefectureCode();
            s.bureauCode = e.bureauCode();
            s.fiscalYear = e.fiscalYear();
            s.fiscalYearLabel = FiscalYear.isValid(e.fiscalYear()) ? new FiscalYear(e.fiscalYear()).label() : null;
            s.capInputs = e.capInputs();
            s.plannedCost = e.plannedCost();
            s.excessAmount = e.excessAmount();
            s.reason = e.reason();
            s.reasonLabel = e.reason() == null ? null : e.reason().label();
            s.reasonDetail = e.reasonDetail();
            s.openedOn = e.occurredOn();
            s.status = ConsultationStatus.OPENED;
        } else if (event instanceof IndividualConsultationSubmitted e) {
            s.submittedOn = e.submittedOn();
            s.submittedViaName = e.prefectureName();
            s.status = ConsultationStatus.SUBMITTED;
        } else if (event instanceof IndividualConsultationReviewed e) {
            s.reviews.add(new ConsultationReview(e.reviewedOn(), e.reviewer(), e.findings()));
            s.status = ConsultationStatus.REVIEWED;
        } else if (event instanceof IndividualConsultationApproved e) {
            s.approvedExcessAmount = e.approvedExcessAmount();
            s.approvedBy = e.approvedBy();
            s.approvedOn = e.approvedOn();
            s.status = ConsultationStatus.APPROVED;
        } else if (event instanceof IndividualConsultationRejected e) {
            s.rejection = new ConsultationRejection(e.rejectedOn(), e.reason());
            s.status = ConsultationStatus.REJECTED;
        } else if (event instanceof ConsultationLinked e) {
            List<String> ids = e.kind() == LinkKind.GRANT_CASE ? s.grantCaseIds : s.engagementIds;
            if (e.kind() != null && e.linkedId() != null && !ids.contains(e.linkedId())) {
                ids.add(e.linkedId());
                s.links.add(new ConsultationLink(e.kind(), e.linkedId(), e.occurredOn()));
            }
        }
        s.statusLabel = s.status == null ? null : s.status.label();
    }

    @Override
    public String bucketOf(ConsultationState s) {
        return bucketId(s.bureauCode, s.fiscalYear);
    }

    @Override
    public Object rowOf(ConsultationState s) {
        return new ConsultationSummary(s.id, s.municipalityCode, s.municipalityName, s.bureauCode, s.fiscalYear,
                s.fiscalYearLabel, s.plannedCost, s.excessAmount, s.approvedExcessAmount, s.reason, s.status,
                s.statusLabel, s.submittedOn, s.approvedOn != null ? s.approvedOn
                        : s.rejection == null ? null : s.rejection.rejectedOn(),
                List.copyOf(s.grantCaseIds), List.copyOf(s.engagementIds), s.version);
    }
}
