package casebook.kernel.inquiry.query;

import casebook.kernel.grant.GrantType;
import casebook.kernel.inquiry.InquirerKind;
import casebook.kernel.inquiry.InquiryChannel;
import casebook.kernel.inquiry.InquiryStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The detail of one inquiry (疑義照会) as the inquiry read model holds it. {@code escalation} is the latest question
 * put to the ministry (本省照会) and {@code escalations} all of them in order; {@code awaitingMinistry}: the latest has
 * no answer yet. {@code answer}/{@code answeredOn} are the latest answer to the inquirer, {@code answers} all of them.
 * {@code closedOn} is null while the inquiry is open (also after a reopening, which {@code reopenings} keeps with the
 * closing it undid). {@code version} is the sequence number of the last event applied (the ETag).
 */
public record InquiryView(
        String id, InquirerKind fromKind, String fromKindLabel, String fromCode, String fromName,
        String prefectureCode, String bureauCode, InquiryChannel channel, String channelLabel, LocalDate receivedOn,
        String subject, String question, GrantType grantType, String grantTypeLabel, String grantCaseId,
        InquiryStatus status, String statusLabel, String assignedTo, LocalDate assignedOn,
        boolean awaitingMinistry, MinistryEscalation escalation, List<MinistryEscalation> escalations,
        String answer, LocalDate answeredOn, List<InquiryAnswer> answers, LocalDate closedOn,
        List<InquiryReopening> reopenings, long version, Instant lastRecordedAt) {
}
