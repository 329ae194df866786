package casebook.kernel.inquiry.query;

import casebook.kernel.grant.GrantType;
import casebook.kernel.inquiry.InquirerKind;
import casebook.kernel.inquiry.InquiryChannel;
import casebook.kernel.inquiry.InquiryStatus;
import java.time.LocalDate;

/**
 * One row of a bureau's inquiry inbox. {@code ageDays} is today (Asia/Tokyo, when the query ran) minus
 * {@code receivedOn}, never negative; {@code reopenings} counts the reopenings.
 */
public record InquirySummary(
        String id, InquirerKind fromKind, String fromCode, String fromName, String bureauCode,
        InquiryChannel channel, LocalDate receivedOn, String subject, GrantType grantType, String grantCaseId,
        InquiryStatus status, String statusLabel, String assignedTo, boolean awaitingMinistry,
        LocalDate answeredOn, LocalDate closedOn, int reopenings, long ageDays, long version) {
}
