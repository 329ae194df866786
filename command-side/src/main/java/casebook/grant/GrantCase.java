package casebook.grant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import casebook.authorship.Authors;
import casebook.kernel.InvalidInput;
import casebook.kernel.audit.MetaDataKeys;
import casebook.kernel.grant.AmountRole;
import casebook.kernel.grant.GrantCalendars;
import casebook.kernel.grant.GrantCorrectedFields;
import casebook.kernel.grant.GrantStep;
import casebook.kernel.grant.GrantType;
import casebook.kernel.grant.PlannedStep;
import casebook.kernel.grant.ProcedureKind;
import casebook.kernel.grant.Recipient;
import casebook.kernel.grant.RecipientKind;
import casebook.kernel.grant.command.CorrectGrantRecord;
import casebook.kernel.grant.command.OpenGrantCase;
import casebook.kernel.grant.command.OpenProcedure;
import casebook.kernel.grant.command.RecordGrantStep;
import casebook.kernel.grant.event.GrantCaseOpened;
import casebook.kernel.grant.event.GrantProcedureOpened;
import casebook.kernel.grant.event.GrantRecordCorrected;
import casebook.kernel.grant.event.GrantStepRecorded;
import casebook.kernel.reference.LocalGovernment;
import casebook.kernel.reference.ReferenceData;
import casebook.kernel.time.FiscalYear;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.serialization.Revision;

/**
 * A grant case (交付案件): one grant for one recipient and target fiscal year (対象年度), holding its procedures
 * (当初交付, 変更交付, 調整交付金, 前年度確定, 過年度再確定) and the steps recorded in them, with the amount trail.
 *
 * <p>Command handlers check the rules and apply exactly one event; event sourcing handlers only assign state. The
 * procedures are immutable {@link Procedure} values held by id. The infra module registers the class with Axon, hence
 * no Spring stereotype here.
 */
@Revision("2") // 2: snapshots carry who recorded each event; older ones are ignored and the case loads from its events
public class GrantCase {

    private static final String KOIKI_RENGO_SUFFIX = "後期高齢者医療広域連合";

    @AggregateIdentifier
    private String grantCaseId;
    private GrantType grantType;
    private int targetFiscalYear;
    private final Map<String, Procedure> procedures = new LinkedHashMap<>();
    // What each event was, so that a correction can name its target by sequence number.
    private final Map<Long, RecordedEvent> history = new HashMap<>();
    private long nextSequence;
    // Who recorded each event: correcting someone else's record is a supervisor's.
    @AggregateMember
    private final Authors authors = new Authors();

    /** For Axon, which rebuilds the case from its events. */
    protected GrantCase() {
    }

    // ---------------------------------------------------------------- opening

    @CommandHandler
    public GrantCase(OpenGrantCase cmd) {
        Require.text("grantCaseId", cmd.grantCaseId());
        GrantType type = Require.value("grantType", cmd.grantType());
        Recipient recipient = Require.value("recipient", cmd.recipient());
        RecipientKind kind = Require.value("recipient.kind", recipient.kind());
        if (kind != type.recipientKind()) {
            throw new RecipientMismatch(type, kind);
        }
        Require.text("recipient.code", recipient.code());
        LocalGovernment body = resolve(kind, recipient.code());
        if (!FiscalYear.isValid(cmd.targetFiscalYear())) {
            throw new InvalidInput("targetFiscalYear", "fiscal year " + cmd.targetFiscalYear() + " is outside "
                    + FiscalYear.EARLIEST + "-" + FiscalYear.LATEST);
        }
        Require.value("occurredOn", cmd.occurredOn());
        apply(new GrantCaseOpened(cmd.grantCaseId(), type, kind, body.code(),
                kind == RecipientKind.KOIKI_RENGO ? body.name() + KOIKI_RENGO_SUFFIX : body.name(),
                body.prefectureCode(), ReferenceData.get().bureauOf(body).code(), cmd.targetFiscalYear(),
                cmd.occurredOn()));
    }

    @CommandHandler
    public void handle(OpenProcedure cmd) {
        Require.text("procedureId", cmd.procedureId());
        ProcedureKind kind = Require.value("kind", cmd.kind());
        Require.value("occurredOn", cmd.occurredOn());
        if (!grantType.procedures().contains(kind)) {
            throw new ProcedureNotForGrant(kind, grantType);
        }
        List<PlannedStep> schedule = cmd.plannedSchedule() == null
                ? GrantCalendars.defaultPlan(grantType, kind, targetFiscalYear)
                : checkedSchedule(kind, cmd.plannedSchedule());
        if (procedures.containsKey(cmd.procedureId())) {
            throw new DuplicateProcedureId(cmd.procedureId());
        }
        List<Procedure> sameKind = procedures.values().stream().filter(p -> p.kind() == kind).toList();
        if (kind != ProcedureKind.CHANGE && !sameKind.isEmpty()) {
            throw new ProcedureAlreadyOpen(kind, sameKind.get(0).procedureId());
        }
        apply(new GrantProcedureOpened(grantCaseId, cmd.procedureId(), kind, sameKind.size() + 1, schedule,
                cmd.occurredOn()));
    }

    // ---------------------------------------------------------------- steps

    @CommandHandler
    public void handle(RecordGrantStep cmd) {
        Require.text("procedureId", cmd.procedureId());
        GrantStep step = Require.value("step", cmd.step());
        LocalDate on = Require.value("on", cmd.on());
        List<String> documents = Require.texts("documents", cmd.documents());
        Procedure procedure = requireProcedure(cmd.procedureId());
        if (!procedure.kind().allows(step)) {
            throw new StepNotInProcedure("step", step, procedure.kind());
        }
        checkAmount(step, cmd.amount());
        if (procedure.has(step) && !repeatable(step)) {
            throw new StepAlreadyRecorded(step, procedure.procedureId());
        }
        StepOrder.checkRecording(procedure, step, on);
        if (step == GrantStep.DECISION_APPROVED) {
            requireWithinAuthorised("amount", cmd.amount(), procedure.authorisedAmount());
        }
        apply(new GrantStepRecorded(grantCaseId, procedure.procedureId(), procedure.kind(), step, on, cmd.amount(),
                cmd.noticeNo(), documents, cmd.note(), on));
    }

    // ---------------------------------------------------------------- corrections

    /**
     * A case officer corrects their own records; someone else's needs a supervisor (from the command's metadata).
     * Without fields the correction only marks the step as recorded wrongly, with its reason.
     */
    @CommandHandler
    public void handle(CorrectGrantRecord cmd, @MetaDataValue(MetaDataKeys.ACTOR) String actor,
                       @MetaDataValue(MetaDataKeys.ACTOR_ROLE) String role) {
        Require.text("reason", cmd.reason());
        Require.value("occurredOn", cmd.occurredOn());
        // No fields: a note that the step was recorded wrongly, as for engagements (ADR 0015); nothing changes.
        GrantCorrectedFields fields = cmd.fields() == null ? GrantCorrectedFields.none() : cmd.fields();
        RecordedEvent target = history.get(cmd.correctsEvent());
        if (cmd.correctsEvent() < 0 || cmd.correctsEvent() >= nextSequence || target == null) {
            throw new UnknownEventToCorrect(cmd.correctsEvent(), nextSequence);
        }
        authors.checkMayCorrect(cmd.correctsEvent(), actor, role);
        if (!target.is(GrantStepRecorded.class)) {
            throw new NotCorrectable("correctsEvent", "event " + cmd.correctsEvent() + " is a " + target.type()
                    + "; only recorded steps (GrantStepRecorded) can be corrected");
        }
        Procedure procedure = procedures.get(target.procedureId());
        RecordedStep recorded = procedure.recordedAt(cmd.correctsEvent()).orElseThrow(() ->
                new IllegalStateException("no step recorded at " + cmd.correctsEvent()));
        checkCorrectedValues(procedure, recorded, fields);
        apply(new GrantRecordCorrected(grantCaseId, cmd.correctsEvent(), procedure.procedureId(),
                target.type(), fields, cmd.reason(), cmd.occurredOn()));
    }

    // ---------------------------------------------------------------- event sourcing handlers

    @EventSourcingHandler
    private void on(GrantCaseOpened e, @SequenceNumber long seq) {
        grantCaseId = e.grantCaseId();
        grantType = e.grantType();
        targetFiscalYear = e.targetFiscalYear();
        recorded(seq, e, null);
    }

    @EventSourcingHandler
    private void on(GrantProcedureOpened e, @SequenceNumber long seq) {
        procedures.put(e.procedureId(), Procedure.opened(e.procedureId(), e.kind(), e.number()));
        recorded(seq, e, e.procedureId());
    }

    @EventSourcingHandler
    private void on(GrantStepRecorded e, @SequenceNumber long seq) {
        procedures.computeIfPresent(e.procedureId(), (id, p) ->
                p.recorded(new RecordedStep(seq, e.step(), e.on(), e.amount())));
        recorded(seq, e, e.procedureId());
    }

    /** Puts the corrected date and amount into the procedure; notice numbers and notes live in projections. */
    @EventSourcingHandler
    private void on(GrantRecordCorrected e, @SequenceNumber long seq) {
        procedures.computeIfPresent(e.procedureId(), (id, p) -> p.corrected(e.correctsEvent(), e.fields()));
        recorded(seq, e, e.procedureId());
    }

    // ---------------------------------------------------------------- rules

    private void recorded(long seq, Object event, String procedureId) {
        history.put(seq, RecordedEvent.of(event, procedureId));
        nextSequence = seq + 1;
    }

    private Procedure requireProcedure(String procedureId) {
        Procedure p = procedures.get(procedureId);
        if (p == null) {
            throw new UnknownProcedure(procedureId);
        }
        return p;
    }

    /** Municipalities by their own code; prefectures and 広域連合 by the prefecture's code. */
    private static LocalGovernment resolve(RecipientKind kind, String code) {
        Optional<LocalGovernment> body = switch (kind) {
            case MUNICIPALITY -> ReferenceData.get().municipality(code);
            case PREFECTURE, KOIKI_RENGO -> ReferenceData.get().prefecture(code);
        };
        return body.orElseThrow(() -> new UnknownRecipient(kind, code));
    }

    /** Every planned step belongs to the procedure and is planned by a date or by a period, not both. */
    private static List<PlannedStep> checkedSchedule(ProcedureKind kind, List<PlannedStep> schedule) {
        for (int i = 0; i < schedule.size(); i++) {
            String field = "plannedSchedule[" + i + "]";
            PlannedStep planned = Require.value(field, schedule.get(i));
            GrantStep step = Require.value(field + ".step", planned.step());
            if (!kind.allows(step)) {
                throw new StepNotInProcedure(field + ".step", step, kind);
            }
            if ((planned.on() == null) == (planned.period() == null)) {
                throw new InvalidInput(field, "give either on or period (exactly one) for " + StepOrder.name(step));
            }
            if (planned.until() != null && (planned.period() == null
                    || planned.until().earliestDay().isBefore(planned.period().earliestDay()))) {
                throw new InvalidInput(field + ".until", "until extends a period and may not start before it");
            }
        }
        return List.copyOf(schedule);
    }

    /**
     * Steps with an amount role record their amount; only the submissions (申請額, 報告額) may leave it out, as the
     * request may be recorded before its figures are checked.
     */
    private static void checkAmount(GrantStep step, Long amount) {
        if (step.amountRole() == null) {
            if (amount != null) {
                throw new NoAmountForStep("amount", step);
            }
            return;
        }
        if (amount == null) {
            if (step.amountRole() != AmountRole.REQUESTED) {
                throw new MissingValue("amount", StepOrder.name(step) + " records the " + step.amountRole().label()
                        + "; amount is required");
            }
            return;
        }
        if (amount < 0) {
            throw new NegativeAmount("amount", amount);
        }
    }

    /** Payments and refund receipts may come in instalments; every other step happens once per procedure. */
    private static boolean repeatable(GrantStep step) {
        return step == GrantStep.PAID || step == GrantStep.REFUND_RECEIVED;
    }

    private static void requireWithinAuthorised(String field, Long decided, Long authorised) {
        if (decided != null && authorised != null && decided > authorised) {
            throw new DecisionAboveAuthorisedAmount(field, decided, authorised);
        }
    }

    /** Corrected values obey the same rules as the originals. */
    private static void checkCorrectedValues(Procedure procedure, RecordedStep target, GrantCorrectedFields f) {
        if (f.amount() != null) {
            if (target.step().amountRole() == null) {
                throw new NotCorrectable("fields.amount", "this step records no amount: " + StepOrder.name(target.step()));
            }
            if (f.amount() < 0) {
                throw new NegativeAmount("fields.amount", f.amount());
            }
            if (target.step() == GrantStep.DECISION_APPROVED) {
                requireWithinAuthorised("fields.amount", f.amount(), procedure.authorisedAmount());
            }
            if (target.step() == GrantStep.EXPENDITURE_AUTHORITY_RECEIVED) {
                requireWithinAuthorised("fields.amount", procedure.decidedAmount(), f.amount());
            }
        }
        if (f.on() != null) {
            StepOrder.checkCorrectedDate(procedure, target, f.on());
        }
    }

    // ---------------------------------------------------------------- read access for tests

    GrantType grantType() {
        return grantType;
    }

    int targetFiscalYear() {
        return targetFiscalYear;
    }

    Procedure procedure(String procedureId) {
        return procedures.get(procedureId);
    }
}
