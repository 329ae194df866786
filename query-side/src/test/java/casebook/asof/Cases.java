package casebook.asof;

import casebook.kernel.consultation.CapInputs;
import casebook.kernel.consultation.ConsultationReason;
import casebook.kernel.consultation.event.IndividualConsultationApproved;
import casebook.kernel.consultation.event.IndividualConsultationOpened;
import casebook.kernel.engagement.CorrectedFields;
import casebook.kernel.engagement.event.EngagementRecordCorrected;
import casebook.kernel.grant.GrantCalendars;
import casebook.kernel.grant.GrantCorrectedFields;
import casebook.kernel.grant.GrantStep;
import casebook.kernel.grant.GrantType;
import casebook.kernel.grant.ProcedureKind;
import casebook.kernel.grant.event.GrantCaseOpened;
import casebook.kernel.grant.event.GrantProcedureOpened;
import casebook.kernel.grant.event.GrantRecordCorrected;
import casebook.kernel.grant.event.GrantStepRecorded;
import casebook.kernel.inquiry.InquirerKind;
import casebook.kernel.inquiry.InquiryChannel;
import casebook.kernel.inquiry.event.InquiryAnswered;
import casebook.kernel.inquiry.event.InquiryReceived;
import casebook.kernel.reference.LocalGovernment;
import casebook.kernel.reference.ReferenceData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Events of the other case types, and corrections, as the command side would emit them. */
final class Cases {

    static final String KURUME = "402036";

    private Cases() {
    }

    static LocalDate day(int y, int m, int d) {
        return LocalDate.of(y, m, d);
    }

    static EngagementRecordCorrected heldOnCorrected(String id, long seq, LocalDate heldOn, LocalDate on) {
        CorrectedFields fields = new CorrectedFields(heldOn, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null);
        return new EngagementRecordCorrected(id, seq, "MilestoneHeld", fields, "日付の入力誤り", on);
    }

    static GrantCaseOpened grantOpened(String id, int targetFiscalYear, LocalDate on) {
        LocalGovernment lg = ReferenceData.get().find(KURUME).orElseThrow();
        GrantType type = GrantType.CHIIKI_SHIEN_JIGYO;
        return new GrantCaseOpened(id, type, type.recipientKind(), lg.code(), lg.name(), lg.prefectureCode(),
                ReferenceData.get().bureauOf(lg).code(), targetFiscalYear, on);
    }

    static GrantProcedureOpened initial(String id, String procedureId, int targetFiscalYear, LocalDate on) {
        return new GrantProcedureOpened(id, procedureId, ProcedureKind.INITIAL, 1,
                GrantCalendars.defaultPlan(GrantType.CHIIKI_SHIEN_JIGYO, ProcedureKind.INITIAL, targetFiscalYear), on);
    }

    static GrantStepRecorded step(String id, String procedureId, GrantStep step, LocalDate on, Long amount) {
        return new GrantStepRecorded(id, procedureId, ProcedureKind.INITIAL, step, on, amount, null,
                amount == null ? List.of() : List.of(step.label() + ".pdf"), null, on);
    }

    static GrantRecordCorrected amountCorrected(String id, long seq, String procedureId, long amount, LocalDate on) {
        return new GrantRecordCorrected(id, seq, procedureId, "GrantStepRecorded",
                new GrantCorrectedFields(null, amount, null, null), "入力誤り", on);
    }

    static InquiryReceived inquiry(String id, LocalDate on) {
        LocalGovernment lg = ReferenceData.get().municipality(KURUME).orElseThrow();
        return new InquiryReceived(id, InquirerKind.MUNICIPALITY, lg.code(), lg.name(), lg.prefectureCode(),
                ReferenceData.get().bureauOf(lg).code(), InquiryChannel.EMAIL, on, "対象経費",
                "対象経費に含めてよいか", GrantType.CHIIKI_SHIEN_JIGYO, null, on);
    }

    static InquiryAnswered answered(String id, LocalDate on) {
        return new InquiryAnswered(id, on, "含めてよい", on);
    }

    static IndividualConsultationOpened consultation(String id, int fiscalYear, LocalDate on) {
        LocalGovernment lg = ReferenceData.get().municipality(KURUME).orElseThrow();
        return new IndividualConsultationOpened(id, lg.code(), lg.name(), lg.prefectureCode(),
                ReferenceData.get().bureauOf(lg).code(), fiscalYear,
                new CapInputs(9_689_922L, new BigDecimal("1.032"), 10_000_000L), 12_000_000L, 2_000_000L,
                ConsultationReason.DISASTER, "令和6年7月豪雨の復旧に伴う利用増", on);
    }

    static IndividualConsultationApproved approved(String id, LocalDate on, long amount) {
        return new IndividualConsultationApproved(id, on, amount, "director-kyushu", on);
    }
}
