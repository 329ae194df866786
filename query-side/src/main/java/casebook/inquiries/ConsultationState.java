package casebook.inquiries;

import casebook.kernel.consultation.CapInputs;
import casebook.kernel.consultation.ConsultationReason;
import casebook.kernel.consultation.ConsultationStatus;
import casebook.kernel.consultation.query.ConsultationLink;
import casebook.kernel.consultation.query.ConsultationRejection;
import casebook.kernel.consultation.query.ConsultationReview;
import casebook.kernel.consultation.query.ConsultationView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The mutable twin of {@link ConsultationView}, with the same field names, stored as the view in one write. */
final class ConsultationState extends CaseState {
    public String municipalityCode;
    public String municipalityName;
    public String prefectureCode;
    public String bureauCode;
    public int fiscalYear;
    public String fiscalYearLabel;
    public CapInputs capInputs;
    public long plannedCost;
    public long excessAmount;
    public ConsultationReason reason;
    public String reasonLabel;
    public String reasonDetail;
    public LocalDate openedOn;
    public ConsultationStatus status;
    public String statusLabel;
    public LocalDate submittedOn;
    public String submittedViaName;
    public List<ConsultationReview> reviews = new ArrayList<>();
    public Long approvedExcessAmount;
    public String approvedBy;
    public LocalDate approvedOn;
    public ConsultationRejection rejection;
    public List<ConsultationLink> links = new ArrayList<>();
    public List<String> grantCaseIds = new ArrayList<>();
    public List<String> engagementIds = new ArrayList<>();
}
