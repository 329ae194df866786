package casebook.kernel.inquiry.event;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.grant.GrantType;
import casebook.kernel.inquiry.InquirerKind;
import casebook.kernel.inquiry.InquiryChannel;
import java.time.LocalDate;

/** An inquiry (疑義照会) was received; name, prefecture and bureau as resolved from the code on that day. */
public record InquiryReceived(String inquiryId, InquirerKind fromKind, String fromCode, String fromName, String prefectureCode, String bureauCode, InquiryChannel channel, LocalDate receivedOn, String subject, String question, GrantType grantType, String grantCaseId, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return inquiryId;
    }
}
