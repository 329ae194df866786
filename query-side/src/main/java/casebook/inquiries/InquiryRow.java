package casebook.inquiries;

import casebook.kernel.grant.GrantType;
import casebook.kernel.inquiry.InquirerKind;
import casebook.kernel.inquiry.InquiryChannel;
import casebook.kernel.inquiry.InquiryStatus;
import casebook.kernel.inquiry.query.InquirySummary;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** An inbox row as stored: {@link InquirySummary} without the age, which depends on the day it is read. */
record InquiryRow(String id, InquirerKind fromKind, String fromCode, String fromName, String bureauCode,
                  InquiryChannel channel, LocalDate receivedOn, String subject, GrantType grantType, String grantCaseId,
                  InquiryStatus status, String statusLabel, String assignedTo, boolean awaitingMinistry,
                  LocalDate answeredOn, LocalDate closedOn, int reopenings, long version) {

    static InquiryRow of(InquiryState s) {
        return new InquiryRow(s.id, s.fromKind, s.fromCode, s.fromName, s.bureauCode, s.channel, s.receivedOn,
                s.subject, s.grantType, s.grantCaseId, s.status, s.statusLabel, s.assignedTo, s.awaitingMinistry,
                s.answeredOn, s.closedOn, s.reopenings.size(), s.version);
    }

    InquirySummary asOf(LocalDate today) {
        long age = receivedOn == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(receivedOn, today));
        return new InquirySummary(id, fromKind, fromCode, fromName, bureauCode, channel, receivedOn, subject, grantType,
                grantCaseId, status, statusLabel, assignedTo, awaitingMinistry, answeredOn, closedOn, reopenings, age,
                version);
    }
}
