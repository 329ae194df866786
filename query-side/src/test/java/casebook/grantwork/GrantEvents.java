package casebook.grantwork;

import casebook.kernel.grant.GrantCalendars;
import casebook.kernel.grant.GrantCorrectedFields;
import casebook.kernel.grant.GrantStep;
import casebook.kernel.grant.GrantType;
import casebook.kernel.grant.ProcedureKind;
import casebook.kernel.grant.event.GrantCaseOpened;
import casebook.kernel.grant.event.GrantProcedureOpened;
import casebook.kernel.grant.event.GrantRecordCorrected;
import casebook.kernel.grant.event.GrantStepRecorded;
import casebook.kernel.reference.LocalGovernment;
import casebook.kernel.reference.ReferenceData;
import java.time.LocalDate;
import java.util.List;

/** Grant events as the command side would emit them, with names and codes from the reference data. */
final class GrantEvents {

    private GrantEvents() {
    }

    static GrantCaseOpened opened(String id, GrantType type, String recipientCode, int targetFiscalYear, LocalDate on) {
        LocalGovernment lg = ReferenceData.get().find(recipientCode).orElseThrow();
        return new GrantCaseOpened(id, type, type.recipientKind(), lg.code(), lg.name(), lg.prefectureCode(),
                ReferenceData.get().bureauOf(lg).code(), targetFiscalYear, on);
    }

    /** A procedure with the default plan of its grant type's calendar, as the command side fills it in. */
    static GrantProcedureOpened procedure(String id, String procedureId, GrantType type, ProcedureKind kind,
                                          int targetFiscalYear, LocalDate on) {
        return new GrantProcedureOpened(id, procedureId, kind, 1, GrantCalendars.defaultPlan(type, kind, targetFiscalYear),
                on);
    }

    static GrantStepRecorded step(String id, String procedureId, ProcedureKind kind, GrantStep step, LocalDate on,
                                  Long amount) {
        return step(id, procedureId, kind, step, on, amount, null);
    }

    static GrantStepRecorded step(String id, String procedureId, ProcedureKind kind, GrantStep step, LocalDate on,
                                  Long amount, String noticeNo) {
        return new GrantStepRecorded(id, procedureId, kind, step, on, amount, noticeNo,
                amount == null ? List.of() : List.of(step.label() + ".pdf"), null, on);
    }

    static GrantRecordCorrected corrected(String id, long seq, String procedureId, GrantCorrectedFields fields,
                                          LocalDate on) {
        return new GrantRecordCorrected(id, seq, procedureId, "GrantStepRecorded", fields, "入力誤り", on);
    }
}
