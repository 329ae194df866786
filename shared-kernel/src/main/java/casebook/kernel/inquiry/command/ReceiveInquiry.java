package casebook.kernel.inquiry.command;

import casebook.kernel.grant.GrantType;
import casebook.kernel.inquiry.InquirerKind;
import casebook.kernel.inquiry.InquiryChannel;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records an inquiry (疑義照会) from a municipality, prefecture or 広域連合; the bureau follows from who asks. */
public record ReceiveInquiry(@TargetAggregateIdentifier String inquiryId, InquirerKind fromKind, String fromCode, InquiryChannel channel, LocalDate receivedOn, String subject, String question, GrantType grantType, String grantCaseId) {
}
