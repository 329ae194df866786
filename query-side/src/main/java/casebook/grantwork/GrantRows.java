package casebook.grantwork;

import casebook.grantwork.GrantCase.Procedure;
import casebook.grantwork.GrantCase.Step;
import casebook.kernel.grant.GrantStep;
import casebook.kernel.grant.query.GrantCaseSummary;
import casebook.kernel.grant.query.GrantProcedureSummary;
import casebook.kernel.grant.query.ScheduledStep;
import casebook.kernel.time.PeriodPart;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A case's worklist row, always rebuilt whole from the case so that rewriting it is idempotent. */
final class GrantRows {

    private GrantRows() {
    }

    static GrantCaseSummary of(GrantCase c) {
        List<GrantProcedureSummary> procedures = new ArrayList<>();
        List<ScheduledStep> schedule = new ArrayList<>();
        for (Procedure p : c.procedures) {
            Step authority = p.step(GrantStep.EXPENDITURE_AUTHORITY_RECEIVED).orElse(null);
            Step approval = p.step(GrantStep.DECISION_APPROVED).orElse(null);
            procedures.add(new GrantProcedureSummary(p.procedureId, p.kind, p.kindLabel, p.number,
                    p.waitingFor == null ? null : p.waitingFor.step(), p.waitingFor == null ? null : p.waitingFor.label(),
                    p.complete, p.amounts.authorised(), authority == null ? null : authority.recordedOn,
                    p.amounts.decided(), approval == null ? null : approval.recordedOn, p.amounts.paid(),
                    p.amounts.confirmed(), p.amounts.settlement()));
            for (Step s : p.steps) {
                if (s.planned != null) {
                    schedule.add(new ScheduledStep(p.procedureId, p.kind, p.number, s.step, s.label, s.planned.label(),
                            s.planned.dueBy(), s.planned.dueBy() == null ? tentativeBy(s) : null, s.recordedOn,
                            s.outstanding));
                }
            }
        }
        return new GrantCaseSummary(c.id, c.grantType, c.grantTypeLabel, c.recipientKind, c.recipientCode,
                c.recipientName, c.bureauCode, c.targetFiscalYear, c.targetFiscalYearLabel, c.waitingFor, procedures,
                c.pendingApproval, schedule, c.version);
    }

    /** A 時期未定 plan still names the month the calendar guessed: its last day places the step on the board. */
    private static LocalDate tentativeBy(Step s) {
        var period = s.planned.until() != null ? s.planned.until() : s.planned.period();
        return period == null || period.part() != PeriodPart.UNDECIDED ? null : period.latestDay();
    }
}
