package casebook.inquiries;

import casebook.kernel.grant.GrantType;
import casebook.kernel.inquiry.InquirerKind;
import casebook.kernel.inquiry.InquiryChannel;
import casebook.kernel.inquiry.InquiryStatus;
import casebook.kernel.inquiry.query.InquiryAnswer;
import casebook.kernel.inquiry.query.InquiryReopening;
import casebook.kernel.inquiry.query.InquiryView;
import casebook.kernel.inquiry.query.MinistryEscalation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The mutable twin of {@link InquiryView}, with the same field names, stored as the view in one write. */
final class InquiryState extends CaseState {
    public InquirerKind fromKind;
    public String fromKindLabel;
    public String fromCode;
    public String fromName;
    public String prefectureCode;
    public String bureauCode;
    public InquiryChannel channel;
    public String channelLabel;
    public LocalDate receivedOn;
    public String subject;
    public String question;
    public GrantType grantType;
    public String grantTypeLabel;
    public String grantCaseId;
    public InquiryStatus status;
    public String statusLabel;
    public String assignedTo;
    public LocalDate assignedOn;
    public boolean awaitingMinistry;
    public MinistryEscalation escalation;
    public List<MinistryEscalation> escalations = new ArrayList<>();
    public String answer;
    public LocalDate answeredOn;
    public List<InquiryAnswer> answers = new ArrayList<>();
    public LocalDate closedOn;
    public List<InquiryReopening> reopenings = new ArrayList<>();
}
