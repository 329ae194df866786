package casebook.grant;

import static casebook.kernel.grant.GrantStep.AMOUNT_CONFIRMED;
import static casebook.kernel.grant.GrantStep.DECISION_APPROVED;
import static casebook.kernel.grant.GrantStep.EXPENDITURE_AUTHORITY_RECEIVED;
import static casebook.kernel.grant.GrantStep.REFUND_ORDERED;
import static casebook.kernel.grant.GrantStep.REPORT_SUBMITTED;

import casebook.kernel.grant.GrantStep;
import casebook.kernel.grant.ProcedureKind;
import java.time.LocalDate;

/**
 * The few orderings the seeds make hard within one procedure; every other step may come in any order, and steps the
 * seeds show together (交付決定・支払い, 内示・交付申請) may share a date. A step needs its prerequisite recorded first and
 * may not be dated before it.
 */
final class StepOrder {

    private StepOrder() {
    }

    /** The step that must come first (the same day is fine) in a procedure of this kind, or null. */
    static GrantStep prerequisite(ProcedureKind kind, GrantStep step) {
        return switch (step) {
            case DECISION_APPROVED -> EXPENDITURE_AUTHORITY_RECEIVED;
            case DECISION_NOTIFIED -> DECISION_APPROVED;
            // A settlement payment after a confirmation follows the confirmation, not a decision.
            case PAID -> kind == ProcedureKind.INITIAL || kind == ProcedureKind.CHANGE ? DECISION_APPROVED : null;
            case AMOUNT_CONFIRMED -> REPORT_SUBMITTED;
            case REFUND_ORDERED -> AMOUNT_CONFIRMED;
            case REFUND_RECEIVED -> REFUND_ORDERED;
            default -> null;
        };
    }

    /** Recording {@code step} on {@code on} in the procedure. */
    static void checkRecording(Procedure procedure, GrantStep step, LocalDate on) {
        GrantStep pre = prerequisite(procedure.kind(), step);
        if (pre == null) {
            return;
        }
        RecordedStep before = procedure.latest(pre).orElseThrow(() -> outOfOrder("step", step, pre,
                name(step) + " cannot be recorded before " + name(pre) + " in procedure " + procedure.procedureId()));
        if (on.isBefore(before.on())) {
            throw outOfOrder("on", step, pre, name(step) + " on " + on + " cannot precede " + name(pre) + " on "
                    + before.on());
        }
    }

    /** Moving a recorded step to {@code on} must keep it after its prerequisite and before what depends on it. */
    static void checkCorrectedDate(Procedure procedure, RecordedStep target, LocalDate on) {
        GrantStep pre = prerequisite(procedure.kind(), target.step());
        if (pre != null) {
            procedure.latest(pre).filter(before -> on.isBefore(before.on())).ifPresent(before -> {
                throw outOfOrder("fields.on", target.step(), pre, name(target.step()) + " on " + on
                        + " would precede " + name(pre) + " on " + before.on());
            });
        }
        for (RecordedStep later : procedure.steps()) {
            if (prerequisite(procedure.kind(), later.step()) == target.step() && later.on().isBefore(on)) {
                throw outOfOrder("fields.on", later.step(), target.step(), name(target.step()) + " on " + on
                        + " would follow " + name(later.step()) + " on " + later.on());
            }
        }
    }

    /** The named rejections of the seeds where they apply, a plain {@link StepOutOfOrder} otherwise. */
    static StepOutOfOrder outOfOrder(String field, GrantStep step, GrantStep prerequisite, String message) {
        if (step == DECISION_APPROVED && prerequisite == EXPENDITURE_AUTHORITY_RECEIVED) {
            return new DecisionBeforeExpenditureAuthority(field, message);
        }
        if (step == AMOUNT_CONFIRMED && prerequisite == REPORT_SUBMITTED) {
            return new ConfirmationBeforeReport(field, message);
        }
        return new StepOutOfOrder(field, step, prerequisite, message);
    }

    static String name(GrantStep step) {
        return step + " (" + step.label() + ")";
    }
}
