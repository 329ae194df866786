package casebook.grant;

import casebook.kernel.grant.GrantCorrectedFields;
import casebook.kernel.grant.GrantStep;
import casebook.kernel.grant.ProcedureKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A procedure of a grant case (当初交付, 変更交付 n回目, 前年度確定 …) with its recorded steps in the order they were
 * recorded. Immutable, replaced on every change, so that Axon's test fixture can compare replayed state by value.
 *
 * @param number counts the procedures of its kind in the case, from 1 (変更交付 may repeat)
 */
record Procedure(String procedureId, ProcedureKind kind, int number, List<RecordedStep> steps) {

    static Procedure opened(String procedureId, ProcedureKind kind, int number) {
        return new Procedure(procedureId, kind, number, List.of());
    }

    boolean has(GrantStep step) {
        return steps.stream().anyMatch(s -> s.step() == step);
    }

    /** The last record of the step; payments and refund receipts may have several. */
    Optional<RecordedStep> latest(GrantStep step) {
        RecordedStep found = null;
        for (RecordedStep s : steps) {
            if (s.step() == step) {
                found = s;
            }
        }
        return Optional.ofNullable(found);
    }

    Optional<RecordedStep> recordedAt(long seq) {
        return steps.stream().filter(s -> s.seq() == seq).findFirst();
    }

    /** 示達額: the amount of the latest 支出負担行為示達, as corrected; null before one is recorded. */
    Long authorisedAmount() {
        return latest(GrantStep.EXPENDITURE_AUTHORITY_RECEIVED).map(RecordedStep::amount).orElse(null);
    }

    /** 交付決定額: the amount of the 交付決定決裁, as corrected; null before one is recorded. */
    Long decidedAmount() {
        return latest(GrantStep.DECISION_APPROVED).map(RecordedStep::amount).orElse(null);
    }

    Procedure recorded(RecordedStep step) {
        List<RecordedStep> list = new ArrayList<>(steps);
        list.add(step);
        return new Procedure(procedureId, kind, number, List.copyOf(list));
    }

    Procedure corrected(long seq, GrantCorrectedFields fields) {
        List<RecordedStep> list = steps.stream().map(s -> s.seq() == seq ? s.corrected(fields) : s).toList();
        return new Procedure(procedureId, kind, number, list);
    }
}
