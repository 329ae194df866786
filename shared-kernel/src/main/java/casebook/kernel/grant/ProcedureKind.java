package casebook.kernel.grant;

import static casebook.kernel.grant.GrantStep.*;

import java.util.List;

/** The procedures inside a grant case, each with its steps in their usual order. */
public enum ProcedureKind {
    /** 当初交付 */
    INITIAL("当初交付", List.of(PRECONSULTATION_REQUESTED, PRECONSULTATION_SUBMITTED, PROVISIONAL_NOTIFIED, APPLICATION_REQUESTED,
            APPLICATION_SUBMITTED, REVIEWED, EXPENDITURE_AUTHORITY_RECEIVED, DECISION_APPROVED, DECISION_NOTIFIED, PAID)),
    /** 変更交付 (may repeat) */
    CHANGE("変更交付", INITIAL.steps()),
    /** 調整交付金 */
    ADJUSTMENT("調整交付金", List.of(SURVEY_REQUESTED, SURVEY_SUBMITTED, AMOUNT_CALCULATED, PROVISIONAL_NOTIFIED, PAID)),
    /** 前年度確定: 実績報告 → 確定 */
    CONFIRMATION("前年度確定", List.of(REPORT_REQUESTED, REPORT_SUBMITTED, REVIEWED, AMOUNT_CONFIRMED, CONFIRMATION_NOTIFIED, PAID,
            REFUND_ORDERED, REFUND_RECEIVED)),
    /** 過年度再確定 */
    RECONFIRMATION("過年度再確定", CONFIRMATION.steps());

    private final String label;
    private final List<GrantStep> steps;

    ProcedureKind(String label, List<GrantStep> steps) {
        this.label = label;
        this.steps = steps;
    }

    public String label() {
        return label;
    }

    public List<GrantStep> steps() {
        return steps;
    }

    public boolean allows(GrantStep step) {
        return steps.contains(step);
    }

    /** The settlement steps of a confirmation happen only when the confirmed amount differs from what was paid. */
    public boolean optional(GrantStep step) {
        return (this == CONFIRMATION || this == RECONFIRMATION) && (step == PAID || step == REFUND_ORDERED || step == REFUND_RECEIVED);
    }
}
