package casebook.grantwork;

import casebook.grantwork.GrantCase.Procedure;
import casebook.grantwork.GrantCase.Recording;
import casebook.grantwork.GrantCase.Step;
import casebook.kernel.audit.CaseEvent;
import casebook.kernel.grant.AmountRole;
import casebook.kernel.grant.GrantCalendars;
import casebook.kernel.grant.GrantCorrectedFields;
import casebook.kernel.grant.GrantStep;
import casebook.kernel.grant.PlannedStep;
import casebook.kernel.grant.ProcedureKind;
import casebook.kernel.grant.event.GrantCaseOpened;
import casebook.kernel.grant.event.GrantProcedureOpened;
import casebook.kernel.grant.event.GrantRecordCorrected;
import casebook.kernel.grant.event.GrantStepRecorded;
import casebook.kernel.grant.query.AmountTrail;
import casebook.kernel.grant.query.PlannedView;
import casebook.kernel.grant.query.WaitingFor;
import casebook.kernel.time.FiscalYear;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies one grant event to the in-memory case, then re-derives from the recorded facts what follows from them:
 * each step's summary, the amount trails and settlements, what each procedure waits for, pending approvals.
 * Nothing here depends on the day: overdue is worked out when read.
 */
final class GrantCaseApplier {

    /** Amounts that add up when a step is recorded more than once (payments in parts); others take the latest. */
    private static final Set<AmountRole> SUMMED = Set.of(AmountRole.PAID, AmountRole.REFUND_RECEIVED);

    private GrantCaseApplier() {
    }

    /** Events of the GrantCase aggregate; other case types have projections of their own. */
    static boolean handles(CaseEvent event) {
        return event.getClass().getPackage() == GrantCaseOpened.class.getPackage();
    }

    static void apply(StoredGrantCase stored, CaseEvent event, long seq) {
        GrantCase c = stored.grantCase();
        if (event instanceof GrantCaseOpened x) {
            opened(c, x);
        } else if (event instanceof GrantProcedureOpened x) {
            if (c.procedure(x.procedureId()).isEmpty()) {
                c.procedures.add(procedure(c, x));
            }
        } else if (event instanceof GrantStepRecorded x) {
            c.procedure(x.procedureId()).ifPresent(p -> {
                Step step = p.step(x.step()).orElseGet(() -> {
                    Step extra = step(x.step(), null); // a step the kind does not list: kept, at the end
                    p.steps.add(extra);
                    return extra;
                });
                step.recordings.add(recording(x, seq));
                stored.corrections().put(String.valueOf(seq), new CorrectionTarget(p.procedureId, x.step()));
            });
        } else if (event instanceof GrantRecordCorrected x) {
            correct(stored, x, seq);
        }
        derive(c);
    }

    private static void opened(GrantCase c, GrantCaseOpened x) {
        c.id = x.grantCaseId();
        c.grantType = x.grantType();
        c.grantTypeLabel = x.grantType() == null ? null : x.grantType().label();
        c.recipientKind = x.recipientKind();
        c.recipientKindLabel = x.recipientKind() == null ? null : x.recipientKind().label();
        c.recipientCode = x.recipientCode();
        c.recipientName = x.recipientName();
        c.prefectureCode = x.prefectureCode();
        c.bureauCode = x.bureauCode();
        c.targetFiscalYear = x.targetFiscalYear();
        c.targetFiscalYearLabel = FiscalYear.isValid(x.targetFiscalYear()) ? new FiscalYear(x.targetFiscalYear()).label() : null;
        c.openedOn = x.occurredOn();
    }

    /** The steps of the kind in their order, each with its plan (the event's schedule, else the default calendar). */
    private static Procedure procedure(GrantCase c, GrantProcedureOpened x) {
        Procedure p = new Procedure();
        p.procedureId = x.procedureId();
        p.kind = x.kind();
        p.kindLabel = x.kind().label();
        p.number = x.number();
        p.openedOn = x.occurredOn();
        List<PlannedStep> schedule = x.plannedSchedule() != null ? x.plannedSchedule()
                : c.grantType == null ? List.of() : GrantCalendars.defaultPlan(c.grantType, x.kind(), c.targetFiscalYear);
        Map<GrantStep, PlannedStep> plans = new EnumMap<>(GrantStep.class);
        schedule.stream().filter(Objects::nonNull).filter(s -> s.step() != null).forEach(s -> plans.put(s.step(), s));
        x.kind().steps().forEach(s -> p.steps.add(step(s, plans.get(s))));
        return p;
    }

    private static Step step(GrantStep s, PlannedStep plan) {
        Step step = new Step();
        step.step = s;
        step.label = s.label();
        step.planned = plan == null ? null : new PlannedView(plan.on(), plan.period(), plan.until(), plan.label(), plan.dueBy());
        return step;
    }

    private static Recording recording(GrantStepRecorded x, long seq) {
        Recording r = new Recording();
        r.seq = seq;
        r.on = x.on();
        r.amount = x.amount();
        r.noticeNo = x.noticeNo();
        r.documents = x.documents() == null || x.documents().isEmpty() ? null : new ArrayList<>(x.documents());
        r.note = x.note();
        return r;
    }

    /** The fields the correction sets replace those of the recording it names; a correction of anything else changes nothing here. */
    private static void correct(StoredGrantCase stored, GrantRecordCorrected x, long seq) {
        CorrectionTarget t = stored.corrections().get(String.valueOf(x.correctsEvent()));
        GrantCorrectedFields f = x.fields();
        if (t == null || f == null) {
            return;
        }
        stored.grantCase().procedure(t.procedureId()).flatMap(p -> p.step(t.step()))
                .flatMap(s -> s.recordings.stream().filter(r -> r.seq == x.correctsEvent()).findFirst())
                .ifPresent(r -> {
                    r.on = or(f.on(), r.on);
                    r.amount = or(f.amount(), r.amount);
                    r.noticeNo = or(f.noticeNo(), r.noticeNo);
                    r.note = or(f.note(), r.note);
                    if (!r.correctedBy.contains(seq)) {
                        r.correctedBy.add(seq);
                    }
                });
    }

    static void derive(GrantCase c) {
        for (Procedure p : c.procedures) {
            p.steps.forEach(GrantCaseApplier::summarise);
            p.amounts = trail(p, null);
        }
        for (Procedure p : c.procedures) {
            p.amounts = trail(p, settlement(c, p));
            Long settlement = p.amounts.settlement();
            Step next = null;
            int last = lastRecorded(p);
            for (int i = 0; i < p.steps.size(); i++) {
                Step s = p.steps.get(i);
                s.outstanding = !s.recorded() && i > last && needed(p.kind, s.step, settlement);
                if (s.outstanding && next == null) {
                    next = s;
                }
            }
            p.waitingFor = next == null ? null : waitingFor(p, next);
            p.complete = next == null;
            p.pendingApproval = p.recorded(GrantStep.EXPENDITURE_AUTHORITY_RECEIVED) && !p.recorded(GrantStep.DECISION_APPROVED);
        }
        c.waitingFor = c.procedures.stream().filter(p -> !p.complete).findFirst().map(p -> p.waitingFor).orElse(null);
        c.pendingApproval = c.procedures.stream().anyMatch(p -> p.pendingApproval);
    }

    /** The step's own fields from its recordings: the latest date, notice number and note; amounts latest or summed. */
    private static void summarise(Step s) {
        if (s.recordings.isEmpty()) {
            s.recordedOn = null;
            s.amount = null;
            s.noticeNo = null;
            s.documents = null;
            s.note = null;
            return;
        }
        Recording latest = s.recordings.get(s.recordings.size() - 1);
        s.recordedOn = latest.on;
        s.note = latest.note;
        s.noticeNo = null;
        s.amount = null;
        Set<String> documents = new LinkedHashSet<>();
        boolean summed = s.step.amountRole() != null && SUMMED.contains(s.step.amountRole());
        for (Recording r : s.recordings) {
            s.noticeNo = or(r.noticeNo, s.noticeNo);
            if (r.amount != null) {
                s.amount = summed && s.amount != null ? s.amount + r.amount : r.amount;
            }
            if (r.documents != null) {
                documents.addAll(r.documents);
            }
        }
        s.documents = documents.isEmpty() ? null : new ArrayList<>(documents);
    }

    private static AmountTrail trail(Procedure p, Long settlement) {
        Map<AmountRole, Long> amounts = new EnumMap<>(AmountRole.class);
        for (Step s : p.steps) { // in the kind's order: 申請 after 事前協議 gives the requested amount
            if (s.step.amountRole() != null && s.amount != null) {
                amounts.put(s.step.amountRole(), s.amount);
            }
        }
        return new AmountTrail(amounts.get(AmountRole.REQUESTED), amounts.get(AmountRole.PROVISIONAL),
                amounts.get(AmountRole.AUTHORISED), amounts.get(AmountRole.DECIDED), amounts.get(AmountRole.PAID),
                amounts.get(AmountRole.CALCULATED), amounts.get(AmountRole.CONFIRMED), amounts.get(AmountRole.REFUND_ORDERED),
                amounts.get(AmountRole.REFUND_RECEIVED), settlement);
    }

    /**
     * Confirmed less what was paid before: for a confirmation, the payments of the case's 当初・変更交付; for a
     * re-confirmation, the amount last confirmed before it (or those payments when there is none). Null until confirmed.
     */
    private static Long settlement(GrantCase c, Procedure p) {
        if (!isConfirmation(p.kind) || p.amounts.confirmed() == null) {
            return null;
        }
        Long base = null;
        if (p.kind == ProcedureKind.RECONFIRMATION) {
            for (Procedure earlier : c.procedures) {
                if (earlier == p) {
                    break;
                }
                if (isConfirmation(earlier.kind) && earlier.amounts.confirmed() != null) {
                    base = earlier.amounts.confirmed();
                }
            }
        }
        if (base == null) {
            base = c.procedures.stream().filter(q -> q.kind == ProcedureKind.INITIAL || q.kind == ProcedureKind.CHANGE)
                    .map(q -> q.amounts.paid()).filter(Objects::nonNull).mapToLong(Long::longValue).sum();
        }
        return p.amounts.confirmed() - base;
    }

    private static boolean isConfirmation(ProcedureKind kind) {
        return kind == ProcedureKind.CONFIRMATION || kind == ProcedureKind.RECONFIRMATION;
    }

    private static int lastRecorded(Procedure p) {
        for (int i = p.steps.size() - 1; i >= 0; i--) {
            if (p.steps.get(i).recorded()) {
                return i;
            }
        }
        return -1;
    }

    /** A settlement step of a confirmation is needed only in the settlement's direction: 支払 if positive, 返還 if negative. */
    private static boolean needed(ProcedureKind kind, GrantStep step, Long settlement) {
        if (!kind.allows(step)) {
            return false;
        }
        if (!kind.optional(step)) {
            return true;
        }
        if (settlement == null || settlement == 0) {
            return false;
        }
        return settlement > 0 ? step == GrantStep.PAID : step != GrantStep.PAID;
    }

    private static WaitingFor waitingFor(Procedure p, Step s) {
        return new WaitingFor(p.procedureId, p.kind, s.step, s.label, s.planned == null ? null : s.planned.label(),
                s.planned == null ? null : s.planned.dueBy(), null);
    }

    private static <T> T or(T value, T current) {
        return value != null ? value : current;
    }
}
