package casebook.inquiries;

import casebook.kernel.consultation.CapInputs;
import casebook.kernel.consultation.ConsultationReason;
import casebook.kernel.consultation.LinkKind;
import casebook.kernel.consultation.event.ConsultationLinked;
import casebook.kernel.consultation.event.IndividualConsultationApproved;
import casebook.kernel.consultation.event.IndividualConsultationOpened;
import casebook.kernel.consultation.event.IndividualConsultationRejected;
import casebook.kernel.consultation.event.IndividualConsultationReviewed;
import casebook.kernel.consultation.event.IndividualConsultationSubmitted;
import casebook.kernel.grant.GrantType;
import casebook.kernel.inquiry.InquirerKind;
import casebook.kernel.inquiry.InquiryChannel;
import casebook.kernel.inquiry.event.InquiryAnswered;
import casebook.kernel.inquiry.event.InquiryAssigned;
import casebook.kernel.inquiry.event.InquiryClosed;
import casebook.kernel.inquiry.event.InquiryEscalatedToMinistry;
import casebook.kernel.inquiry.event.InquiryReceived;
import casebook.kernel.inquiry.event.InquiryReopened;
import casebook.kernel.inquiry.event.MinistryAnswerReceived;
import casebook.kernel.reference.LocalGovernment;
import casebook.kernel.reference.ReferenceData;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Inquiry and consultation events as the command side would emit them, with names and codes from the reference data. */
final class CaseEvents {

    private CaseEvents() {
    }

    static LocalDate day(int y, int m, int d) {
        return LocalDate.of(y, m, d);
    }

    static InquiryReceived received(String id, String municipalityCode, LocalDate on, String subject) {
        LocalGovernment lg = ReferenceData.get().municipality(municipalityCode).orElseThrow();
        return new InquiryReceived(id, InquirerKind.MUNICIPALITY, lg.code(), lg.name(), lg.prefectureCode(),
                ReferenceData.get().bureauOf(lg).code(), InquiryChannel.EMAIL, on, subject,
                "対象経費に含めてよいか", GrantType.CHIIKI_SHIEN_JIGYO, "grant-" + id, on);
    }

    static InquiryAssigned assigned(String id, String officer, LocalDate on) {
        return new InquiryAssigned(id, officer, on, on);
    }

    static InquiryEscalatedToMinistry escalated(String id, LocalDate on, String question) {
        return new InquiryEscalatedToMinistry(id, on, question, on);
    }

    static MinistryAnswerReceived ministryAnswer(String id, LocalDate on, String answer) {
        return new MinistryAnswerReceived(id, on, answer, on);
    }

    static InquiryAnswered answered(String id, LocalDate on, String answer) {
        return new InquiryAnswered(id, on, answer, on);
    }

    static InquiryClosed closed(String id, LocalDate on) {
        return new InquiryClosed(id, on, on);
    }

    static InquiryReopened reopened(String id, LocalDate on, String reason) {
        return new InquiryReopened(id, on, reason, on);
    }

    /** Cap 10,000,000 yen (9,689,922 × 1.032), planned cost 12,000,000, so 2,000,000 over the cap. */
    static IndividualConsultationOpened consultation(String id, String municipalityCode, int fiscalYear, LocalDate on) {
        LocalGovernment lg = ReferenceData.get().municipality(municipalityCode).orElseThrow();
        return new IndividualConsultationOpened(id, lg.code(), lg.name(), lg.prefectureCode(),
                ReferenceData.get().bureauOf(lg).code(), fiscalYear,
                new CapInputs(9_689_922L, new BigDecimal("1.032"), 10_000_000L), 12_000_000L, 2_000_000L,
                ConsultationReason.DISASTER, "令和6年7月豪雨の復旧に伴う利用増", on);
    }

    static IndividualConsultationSubmitted submitted(String id, String municipalityCode, LocalDate on) {
        LocalGovernment lg = ReferenceData.get().municipality(municipalityCode).orElseThrow();
        LocalGovernment prefecture = ReferenceData.get().prefecture(lg.prefectureCode()).orElseThrow();
        return new IndividualConsultationSubmitted(id, on, prefecture.code(), prefecture.name(), on);
    }

    static IndividualConsultationReviewed reviewed(String id, LocalDate on, String findings) {
        return new IndividualConsultationReviewed(id, on, "reviewer-tohoku", findings, on);
    }

    static IndividualConsultationApproved approved(String id, LocalDate on, long amount) {
        return new IndividualConsultationApproved(id, on, amount, "director-tohoku", on);
    }

    static IndividualConsultationRejected rejected(String id, LocalDate on, String reason) {
        return new IndividualConsultationRejected(id, on, reason, on);
    }

    static ConsultationLinked linked(String id, LinkKind kind, String linkedId, LocalDate on) {
        return new ConsultationLinked(id, kind, linkedId, on);
    }
}
