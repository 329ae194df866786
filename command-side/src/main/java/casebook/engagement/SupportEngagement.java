package casebook.engagement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import casebook.authorship.Authors;
import casebook.kernel.InvalidInput;
import casebook.kernel.audit.MetaDataKeys;
import casebook.kernel.engagement.CorrectedFields;
import casebook.kernel.engagement.EngagementProgress;
import casebook.kernel.engagement.EngagementStatus;
import casebook.kernel.engagement.EngagementType;
import casebook.kernel.engagement.MilestoneSlot;
import casebook.kernel.engagement.MilestoneStatus;
import casebook.kernel.engagement.Programme;
import casebook.kernel.engagement.SelectedBy;
import casebook.kernel.engagement.Theme;
import casebook.kernel.engagement.command.AddHomework;
import casebook.kernel.engagement.command.AssignAdvisor;
import casebook.kernel.engagement.command.CancelMilestone;
import casebook.kernel.engagement.command.CloseEngagement;
import casebook.kernel.engagement.command.CompleteHomework;
import casebook.kernel.engagement.command.CorrectEngagementRecord;
import casebook.kernel.engagement.command.DropHomework;
import casebook.kernel.engagement.command.PlanMilestone;
import casebook.kernel.engagement.command.RecordDecision;
import casebook.kernel.engagement.command.RecordFinding;
import casebook.kernel.engagement.command.RecordMilestoneHeld;
import casebook.kernel.engagement.command.RecordNonSelection;
import casebook.kernel.engagement.command.RecordOutput;
import casebook.kernel.engagement.command.RegisterEngagement;
import casebook.kernel.engagement.command.SelectEngagement;
import casebook.kernel.engagement.command.SkipMilestone;
import casebook.kernel.engagement.command.SubmitEntrySheet;
import casebook.kernel.engagement.command.UnassignAdvisor;
import casebook.kernel.engagement.command.UpdateThemes;
import casebook.kernel.engagement.command.WithdrawEngagement;
import casebook.kernel.engagement.event.AdvisorAssigned;
import casebook.kernel.engagement.event.AdvisorUnassigned;
import casebook.kernel.engagement.event.DecisionRecorded;
import casebook.kernel.engagement.event.EngagementClosed;
import casebook.kernel.engagement.event.EngagementRecordCorrected;
import casebook.kernel.engagement.event.EngagementRegistered;
import casebook.kernel.engagement.event.EngagementSelected;
import casebook.kernel.engagement.event.EngagementWithdrawn;
import casebook.kernel.engagement.event.EntryNotSelected;
import casebook.kernel.engagement.event.EntrySheetSubmitted;
import casebook.kernel.engagement.event.FindingRecorded;
import casebook.kernel.engagement.event.HomeworkItemAdded;
import casebook.kernel.engagement.event.HomeworkItemCompleted;
import casebook.kernel.engagement.event.HomeworkItemDropped;
import casebook.kernel.engagement.event.MilestoneCancelled;
import casebook.kernel.engagement.event.MilestoneHeld;
import casebook.kernel.engagement.event.MilestonePlanned;
import casebook.kernel.engagement.event.MilestoneRescheduled;
import casebook.kernel.engagement.event.MilestoneSkipped;
import casebook.kernel.engagement.event.OutputRecorded;
import casebook.kernel.engagement.event.ThemesUpdated;
import casebook.kernel.reference.LocalGovernment;
import casebook.kernel.reference.ReferenceData;
import casebook.kernel.time.FiscalYear;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.serialization.Revision;

/**
 * A support engagement (伴走支援案件): one municipality accompanied through one support programme in one fiscal
 * year, from candidacy through its milestones to the report and closing.
 *
 * <p>Command handlers check the rules and apply exactly one event; event sourcing handlers only assign state, the
 * status being derived there from the facts (see {@link #deriveStatus()}). The infra module registers the class
 * with Axon, hence no Spring stereotype here.
 */
@Revision("2") // 2: snapshots carry who recorded each event; older ones are ignored and the case loads from its events
public class SupportEngagement {

    @AggregateIdentifier
    private String engagementId;
    private Programme programme;
    private EngagementType engagementType;
    private int fiscalYear;
    private EngagementStatus status;
    private LocalDate selectedOn;
    private String applicationBackground;
    private Milestones milestones;
    private final Map<String, Advisor> advisors = new LinkedHashMap<>();
    private final Map<String, HomeworkItem> homework = new LinkedHashMap<>();
    private final Set<String> decisionIds = new HashSet<>();
    private final Set<String> findingIds = new HashSet<>();
    private final Set<String> outputIds = new HashSet<>();
    // What each event was, so that a correction can name its target by sequence number.
    private final Map<Long, RecordedEvent> history = new HashMap<>();
    private long nextSequence;
    // Who recorded each event: correcting someone else's record is a supervisor's.
    @AggregateMember
    private final Authors authors = new Authors();

    /** For Axon, which rebuilds the engagement from its events. */
    protected SupportEngagement() {
    }

    // ---------------------------------------------------------------- candidacy and selection

    @CommandHandler
    public SupportEngagement(RegisterEngagement cmd) {
        Require.text("engagementId", cmd.engagementId());
        Programme p = Require.value("programme", cmd.programme());
        LocalGovernment municipality = ReferenceData.get().municipality(cmd.municipalityCode())
                .orElseThrow(() -> new UnknownMunicipality(cmd.municipalityCode()));
        if (!FiscalYear.isValid(cmd.fiscalYear())) {
            throw new InvalidInput("fiscalYear", "fiscal year " + cmd.fiscalYear() + " is outside "
                    + FiscalYear.EARLIEST + "-" + FiscalYear.LATEST);
        }
        if (cmd.engagementType() != null && !p.hasTypes()) {
            throw new InvalidInput("engagementType", "only KASOKUKA engagements have a type, not " + p);
        }
        List<Theme> themes = themes(cmd.themes());
        Require.value("occurredOn", cmd.occurredOn());
        apply(new EngagementRegistered(cmd.engagementId(), p, cmd.engagementType(), cmd.fiscalYear(),
                municipality.code(), municipality.name(), municipality.prefectureCode(),
                ReferenceData.get().bureauOf(municipality).code(), themes, cmd.applicationBackground(),
                cmd.occurredOn()));
    }

    @CommandHandler
    public void handle(SubmitEntrySheet cmd) {
        LocalDate receivedOn = Require.value("receivedOn", cmd.receivedOn());
        requireNotEnded();
        if (programme != Programme.KASOKUKA) {
            throw new NotForProgramme("an entry sheet", programme);
        }
        if (status != EngagementStatus.CANDIDATE) {
            throw new NotAllowedInStatus("submitting an entry sheet", status);
        }
        apply(new EntrySheetSubmitted(engagementId, receivedOn, cmd.note(), receivedOn));
    }

    @CommandHandler
    public void handle(SelectEngagement cmd) {
        LocalDate on = Require.value("selectedOn", cmd.selectedOn());
        requireNotEnded();
        if (!beforeSelection()) {
            throw new NotAllowedInStatus("selecting", status);
        }
        SelectedBy by = cmd.selectedBy() != null ? cmd.selectedBy() : defaultSelector();
        apply(new EngagementSelected(engagementId, on, by, on));
    }

    @CommandHandler
    public void handle(RecordNonSelection cmd) {
        LocalDate decidedOn = Require.value("decidedOn", cmd.decidedOn());
        Require.text("reason", cmd.reason());
        requireNotEnded();
        if (!beforeSelection()) {
            throw new NotAllowedInStatus("recording non-selection", status);
        }
        apply(new EntryNotSelected(engagementId, decidedOn, cmd.reason(), decidedOn));
    }

    @CommandHandler
    public void handle(WithdrawEngagement cmd) {
        LocalDate on = Require.value("withdrawnOn", cmd.withdrawnOn());
        Require.text("reason", cmd.reason());
        requireNotEnded();
        apply(new EngagementWithdrawn(engagementId, on, cmd.reason(), on));
    }

    // ---------------------------------------------------------------- support team and themes

    @CommandHandler
    public void handle(AssignAdvisor cmd) {
        Require.text("advisorId", cmd.advisorId());
        Require.text("name", cmd.name());
        // The event needs a business date; the HTTP layer defaults it to today when the body has none.
        LocalDate on = Require.value("assignedOn", cmd.assignedOn());
        requireNotEnded();
        if (advisors.containsKey(cmd.advisorId())) {
            throw new DuplicateId("advisorId", cmd.advisorId(), "assigned to this engagement");
        }
        apply(new AdvisorAssigned(engagementId, cmd.advisorId(), cmd.name(), cmd.affiliation(), cmd.title(), on, on));
    }

    @CommandHandler
    public void handle(UnassignAdvisor cmd) {
        Require.text("reason", cmd.reason());
        Require.value("occurredOn", cmd.occurredOn());
        requireNotEnded();
        if (!advisors.containsKey(cmd.advisorId())) {
            throw new UnknownAdvisor(cmd.advisorId());
        }
        apply(new AdvisorUnassigned(engagementId, cmd.advisorId(), cmd.reason(), cmd.occurredOn()));
    }

    @CommandHandler
    public void handle(UpdateThemes cmd) {
        List<Theme> themes = themes(Require.value("themes", cmd.themes()));
        Require.value("occurredOn", cmd.occurredOn());
        requireNotEnded();
        apply(new ThemesUpdated(engagementId, themes, cmd.reason(), cmd.occurredOn()));
    }

    // ---------------------------------------------------------------- milestones

    @CommandHandler
    public void handle(PlanMilestone cmd) {
        MilestoneSlot slot = slot("milestone", cmd.milestone());
        if ((cmd.plannedOn() == null) == (cmd.plannedPeriod() == null)) {
            throw new InvalidInput("plannedOn", "give either plannedOn or plannedPeriod (exactly one)");
        }
        Require.timesInOrder("endTime", cmd.startTime(), cmd.endTime());
        Require.value("occurredOn", cmd.occurredOn());
        requireNotEnded();
        Milestone m = milestones.get(slot);
        if (m.status() == MilestoneStatus.HELD) {
            throw new MilestoneAlreadyHeld("milestone", slot);
        }
        if (!m.everPlanned()) {
            apply(new MilestonePlanned(engagementId, slot.key(), cmd.plannedOn(), cmd.plannedPeriod(),
                    cmd.startTime(), cmd.endTime(), cmd.mode(), cmd.place(), cmd.occurredOn()));
        } else {
            apply(new MilestoneRescheduled(engagementId, slot.key(), m.plannedOn(), m.plannedPeriod(),
                    cmd.plannedOn(), cmd.plannedPeriod(), cmd.startTime(), cmd.endTime(), cmd.mode(), cmd.place(),
                    cmd.reason(), cmd.occurredOn()));
        }
    }

    @CommandHandler
    public void handle(RecordMilestoneHeld cmd) {
        MilestoneSlot slot = slot("milestone", cmd.milestone());
        LocalDate heldOn = Require.value("heldOn", cmd.heldOn());
        Require.value("mode", cmd.mode());
        Require.timesInOrder("endTime", cmd.startTime(), cmd.endTime());
        requirePlausibleHeldOn("heldOn", heldOn);
        int total = Require.totalHeadcount("participants", Require.listOrEmpty(cmd.participants()));
        requireSelected();
        if (milestones.get(slot).status() == MilestoneStatus.HELD) {
            throw new MilestoneAlreadyHeld("milestone", slot);
        }
        milestones.firstUnsettledBefore(slot).ifPresent(earlier -> {
            throw new MilestoneOutOfOrder(slot, earlier);
        });
        apply(new MilestoneHeld(engagementId, slot.key(), heldOn, cmd.startTime(), cmd.endTime(), cmd.mode(),
                cmd.place(), Require.listOrEmpty(cmd.participants()), total, Require.listOrEmpty(cmd.agenda()),
                cmd.summary(), heldOn));
    }

    @CommandHandler
    public void handle(CancelMilestone cmd) {
        MilestoneSlot slot = slot("milestone", cmd.milestone());
        Require.text("reason", cmd.reason());
        Require.value("occurredOn", cmd.occurredOn());
        requireNotEnded();
        requireNotSettled(slot);
        apply(new MilestoneCancelled(engagementId, slot.key(), cmd.reason(), cmd.occurredOn()));
    }

    @CommandHandler
    public void handle(SkipMilestone cmd) {
        MilestoneSlot slot = slot("milestone", cmd.milestone());
        if (!programme.sequence().contains(slot.kind())) {
            // Only template milestones block later ones, so only they need skipping; extras are cancelled.
            throw new InvalidInput("milestone", slot + " is not in the " + programme + " sequence; cancel it instead");
        }
        Require.text("reason", cmd.reason());
        Require.value("occurredOn", cmd.occurredOn());
        requireNotEnded();
        requireNotSettled(slot);
        apply(new MilestoneSkipped(engagementId, slot.key(), cmd.reason(), cmd.occurredOn()));
    }

    // ---------------------------------------------------------------- findings, decisions, homework, outputs

    @CommandHandler
    public void handle(RecordFinding cmd) {
        Require.text("findingId", cmd.findingId());
        MilestoneSlot slot = slot("milestone", cmd.milestone());
        Require.text("text", cmd.text());
        Require.value("occurredOn", cmd.occurredOn());
        requireNotEnded();
        MilestoneStatus milestoneStatus = milestones.get(slot).status();
        if (milestoneStatus != MilestoneStatus.HELD) {
            throw new MilestoneNotHeld(slot, milestoneStatus);
        }
        if (findingIds.contains(cmd.findingId())) {
            throw new DuplicateId("findingId", cmd.findingId(), "recorded");
        }
        apply(new FindingRecorded(engagementId, cmd.findingId(), slot.key(), cmd.text(), cmd.occurredOn()));
    }

    @CommandHandler
    public void handle(RecordDecision cmd) {
        Require.text("decisionId", cmd.decisionId());
        LocalDate decidedOn = Require.value("decidedOn", cmd.decidedOn());
        Require.text("text", cmd.text());
        String milestone = cmd.milestone() == null ? null : slot("milestone", cmd.milestone()).key();
        requireNotEnded();
        if (decisionIds.contains(cmd.decisionId())) {
            throw new DuplicateId("decisionId", cmd.decisionId(), "recorded");
        }
        apply(new DecisionRecorded(engagementId, cmd.decisionId(), milestone, decidedOn, cmd.text(), decidedOn));
    }

    @CommandHandler
    public void handle(AddHomework cmd) {
        Require.text("itemId", cmd.itemId());
        Require.text("description", cmd.description());
        if (cmd.dueBefore() != null && cmd.dueOn() != null) {
            throw new InvalidInput("dueBefore", "give dueBefore or dueOn, not both");
        }
        MilestoneSlot dueBefore = cmd.dueBefore() == null ? null : slot("dueBefore", cmd.dueBefore());
        Require.value("occurredOn", cmd.occurredOn());
        requireNotEnded();
        if (homework.containsKey(cmd.itemId())) {
            throw new DuplicateId("itemId", cmd.itemId(), "a homework item");
        }
        if (dueBefore != null && milestones.get(dueBefore).status() == MilestoneStatus.HELD) {
            throw new MilestoneAlreadyHeld("dueBefore", dueBefore);
        }
        apply(new HomeworkItemAdded(engagementId, cmd.itemId(), cmd.description(), cmd.owner(),
                dueBefore == null ? null : dueBefore.key(), cmd.dueOn(), cmd.occurredOn()));
    }

    @CommandHandler
    public void handle(CompleteHomework cmd) {
        LocalDate on = Require.value("completedOn", cmd.completedOn());
        requireNotEnded();
        requireOpenHomework(cmd.itemId());
        apply(new HomeworkItemCompleted(engagementId, cmd.itemId(), on, cmd.note(), on));
    }

    @CommandHandler
    public void handle(DropHomework cmd) {
        Require.text("reason", cmd.reason());
        Require.value("occurredOn", cmd.occurredOn());
        requireNotEnded();
        requireOpenHomework(cmd.itemId());
        apply(new HomeworkItemDropped(engagementId, cmd.itemId(), cmd.reason(), cmd.occurredOn()));
    }

    @CommandHandler
    public void handle(RecordOutput cmd) {
        Require.text("outputId", cmd.outputId());
        Require.value("kind", cmd.kind());
        Require.text("title", cmd.title());
        String milestone = cmd.milestone() == null ? null : slot("milestone", cmd.milestone()).key();
        // The event needs a business date and the command has no other; the HTTP layer defaults it to today.
        LocalDate producedOn = Require.value("producedOn", cmd.producedOn());
        requireNotEnded();
        if (outputIds.contains(cmd.outputId())) {
            throw new DuplicateId("outputId", cmd.outputId(), "recorded");
        }
        apply(new OutputRecorded(engagementId, cmd.outputId(), cmd.kind(), cmd.title(), cmd.uri(), milestone,
                producedOn, producedOn));
    }

    // ---------------------------------------------------------------- closing and corrections

    @CommandHandler
    public void handle(CloseEngagement cmd) {
        LocalDate closedOn = Require.value("closedOn", cmd.closedOn());
        requireSelected();
        boolean complete = status == EngagementStatus.SUPPORT_COMPLETED || status == EngagementStatus.REPORTED;
        if (!complete && (cmd.reason() == null || cmd.reason().isBlank())) {
            throw new MissingValue("reason", "closing before the support is complete (" + status.label()
                    + ") needs a reason");
        }
        apply(new EngagementClosed(engagementId, closedOn, cmd.outcomeSummary(), cmd.reason(), closedOn));
    }

    /**
     * Allowed on ended engagements too: the history of a closed case may still need putting right. A case officer
     * corrects their own records; someone else's needs a supervisor (actor and role from the command's metadata).
     * A correction naming no fields is a note that the event was recorded wrongly; any event but a correction may
     * carry one, even one whose fields cannot be corrected.
     */
    @CommandHandler
    public void handle(CorrectEngagementRecord cmd, @MetaDataValue(MetaDataKeys.ACTOR) String actor,
                       @MetaDataValue(MetaDataKeys.ACTOR_ROLE) String role) {
        Require.text("reason", cmd.reason());
        Require.value("occurredOn", cmd.occurredOn());
        // No fields is a correction that only annotates (CONTRACT.md makes fields optional): the timeline marks the
        // event as corrected with the reason, and nothing in the case changes.
        CorrectedFields fields = cmd.fields() == null ? CorrectedFields.none() : cmd.fields();
        RecordedEvent target = history.get(cmd.correctsEvent());
        if (cmd.correctsEvent() < 0 || cmd.correctsEvent() >= nextSequence || target == null) {
            throw new UnknownEventToCorrect(cmd.correctsEvent(), nextSequence);
        }
        authors.checkMayCorrect(cmd.correctsEvent(), actor, role);
        CorrectionRules.check(target.type(), fields);
        checkCorrectedValues(target, fields);
        apply(new EngagementRecordCorrected(engagementId, cmd.correctsEvent(), target.type(), fields, cmd.reason(),
                cmd.occurredOn()));
    }

    // ---------------------------------------------------------------- event sourcing handlers

    @EventSourcingHandler
    private void on(EngagementRegistered e, @SequenceNumber long seq) {
        engagementId = e.engagementId();
        programme = e.programme();
        engagementType = e.engagementType();
        fiscalYear = e.fiscalYear();
        applicationBackground = e.applicationBackground();
        milestones = new Milestones(programme);
        status = EngagementStatus.CANDIDATE;
        recorded(seq, e, null);
    }

    @EventSourcingHandler
    private void on(EntrySheetSubmitted e, @SequenceNumber long seq) {
        status = EngagementStatus.ENTRY_SUBMITTED;
        recorded(seq, e, null);
    }

    @EventSourcingHandler
    private void on(EngagementSelected e, @SequenceNumber long seq) {
        selectedOn = e.selectedOn();
        status = EngagementStatus.SELECTED;
        deriveStatus();
        recorded(seq, e, null);
    }

    @EventSourcingHandler
    private void on(EntryNotSelected e, @SequenceNumber long seq) {
        status = EngagementStatus.NOT_SELECTED;
        recorded(seq, e, null);
    }

    @EventSourcingHandler
    private void on(EngagementWithdrawn e, @SequenceNumber long seq) {
        status = EngagementStatus.WITHDRAWN;
        recorded(seq, e, null);
    }

    @EventSourcingHandler
    private void on(AdvisorAssigned e, @SequenceNumber long seq) {
        advisors.put(e.advisorId(), new Advisor(e.advisorId(), e.name(), e.affiliation(), e.title(), seq));
        deriveStatus();
        recorded(seq, e, e.advisorId());
    }

    @EventSourcingHandler
    private void on(AdvisorUnassigned e, @SequenceNumber long seq) {
        advisors.remove(e.advisorId());
        deriveStatus();
        recorded(seq, e, e.advisorId());
    }

    @EventSourcingHandler
    private void on(ThemesUpdated e, @SequenceNumber long seq) {
        recorded(seq, e, null);
    }

    @EventSourcingHandler
    private void on(MilestonePlanned e, @SequenceNumber long seq) {
        milestones.put(milestones.get(e.milestone()).planned(e.plannedOn(), e.plannedPeriod(), seq));
        deriveStatus();
        recorded(seq, e, e.milestone());
    }

    @EventSourcingHandler
    private void on(MilestoneRescheduled e, @SequenceNumber long seq) {
        milestones.put(milestones.get(e.milestone()).planned(e.plannedOn(), e.plannedPeriod(), seq));
        deriveStatus();
        recorded(seq, e, e.milestone());
    }

    @EventSourcingHandler
    private void on(MilestoneHeld e, @SequenceNumber long seq) {
        milestones.put(milestones.get(e.milestone()).held(e.heldOn()));
        deriveStatus();
        recorded(seq, e, e.milestone());
    }

    @EventSourcingHandler
    private void on(MilestoneCancelled e, @SequenceNumber long seq) {
        milestones.put(milestones.get(e.milestone()).withStatus(MilestoneStatus.CANCELLED));
        deriveStatus();
        recorded(seq, e, e.milestone());
    }

    @EventSourcingHandler
    private void on(MilestoneSkipped e, @SequenceNumber long seq) {
        milestones.put(milestones.get(e.milestone()).withStatus(MilestoneStatus.SKIPPED));
        deriveStatus();
        recorded(seq, e, e.milestone());
    }

    @EventSourcingHandler
    private void on(FindingRecorded e, @SequenceNumber long seq) {
        findingIds.add(e.findingId());
        recorded(seq, e, e.findingId());
    }

    @EventSourcingHandler
    private void on(DecisionRecorded e, @SequenceNumber long seq) {
        decisionIds.add(e.decisionId());
        recorded(seq, e, e.decisionId());
    }

    @EventSourcingHandler
    private void on(HomeworkItemAdded e, @SequenceNumber long seq) {
        homework.put(e.itemId(), HomeworkItem.open(e.itemId(), e.description(), e.owner(), e.dueBefore(), e.dueOn()));
        recorded(seq, e, e.itemId());
    }

    @EventSourcingHandler
    private void on(HomeworkItemCompleted e, @SequenceNumber long seq) {
        homework.computeIfPresent(e.itemId(), (id, item) -> item.completed(e.completedOn(), e.note()));
        recorded(seq, e, e.itemId());
    }

    @EventSourcingHandler
    private void on(HomeworkItemDropped e, @SequenceNumber long seq) {
        homework.computeIfPresent(e.itemId(), (id, item) -> item.dropped());
        recorded(seq, e, e.itemId());
    }

    @EventSourcingHandler
    private void on(OutputRecorded e, @SequenceNumber long seq) {
        outputIds.add(e.outputId());
        recorded(seq, e, e.outputId());
    }

    @EventSourcingHandler
    private void on(EngagementClosed e, @SequenceNumber long seq) {
        status = EngagementStatus.CLOSED;
        recorded(seq, e, null);
    }

    /** Puts the corrected values into the state that holds them; decision and finding texts live in projections. */
    @EventSourcingHandler
    private void on(EngagementRecordCorrected e, @SequenceNumber long seq) {
        RecordedEvent target = history.get(e.correctsEvent());
        CorrectedFields f = e.fields();
        if (target.is(MilestoneHeld.class)) {
            milestones.put(milestones.get(target.target()).withCorrectedHeldOn(f.heldOn()));
        } else if (target.is(MilestonePlanned.class) || target.is(MilestoneRescheduled.class)) {
            Milestone m = milestones.get(target.target());
            if (m.planSeq() == e.correctsEvent()) {
                milestones.put(m.withCorrectedPlan(f.plannedOn(), f.plannedPeriod()));
            }
        } else if (target.is(HomeworkItemAdded.class)) {
            homework.computeIfPresent(target.target(), (id, item) -> item.withCorrectedDefinition(f));
        } else if (target.is(HomeworkItemCompleted.class)) {
            homework.computeIfPresent(target.target(), (id, item) -> item.withCorrectedCompletion(f));
        } else if (target.is(EngagementSelected.class) && f.selectedOn() != null) {
            selectedOn = f.selectedOn();
        } else if (target.is(EngagementRegistered.class) && f.applicationBackground() != null) {
            applicationBackground = f.applicationBackground();
        } else if (target.is(AdvisorAssigned.class)) {
            advisors.computeIfPresent(target.target(), (id, a) ->
                    a.assignedSeq() == e.correctsEvent() ? a.withCorrections(f) : a);
        }
        recorded(seq, e, String.valueOf(e.correctsEvent()));
    }

    // ---------------------------------------------------------------- rules and derivations

    /**
     * SELECTED → TEAM_FORMED (an advisor is on the team) → IN_SUPPORT (a milestone held) → SUPPORT_COMPLETED (all
     * template milestones but the report settled, one held) → REPORTED (report milestone held). Derived from the
     * facts rather than stepped, so that cancellations, re-plans and unassignments keep it true.
     */
    private void deriveStatus() {
        if (selectedOn == null || status.terminal()) {
            return;
        }
        status = EngagementProgress.derive(status, programme, milestones.statuses(), !advisors.isEmpty());
    }

    private void recorded(long seq, Object event, String target) {
        history.put(seq, RecordedEvent.of(event, target));
        nextSequence = seq + 1;
    }

    private boolean beforeSelection() {
        return status == EngagementStatus.CANDIDATE || status == EngagementStatus.ENTRY_SUBMITTED;
    }

    /** Who selects when the command does not say: follows from the programme and, for 加速化, its type. */
    private SelectedBy defaultSelector() {
        return switch (programme) {
            case KASOKUKA -> engagementType == EngagementType.PREFECTURE_LED ? SelectedBy.PREFECTURE : SelectedBy.BUREAU;
            case ZAITAKU_RENKEI, SUMAI -> SelectedBy.MHLW;
            case BUREAU_OWN -> SelectedBy.PREFECTURE;
            case ADVISOR_DISPATCH -> SelectedBy.BUREAU;
        };
    }

    private void requireNotEnded() {
        if (status.terminal()) {
            throw new EngagementEnded(status);
        }
    }

    private void requireSelected() {
        requireNotEnded();
        if (beforeSelection()) {
            throw new NotSelectedYet(status);
        }
    }

    private void requireNotSettled(MilestoneSlot slot) {
        MilestoneStatus s = milestones.get(slot).status();
        if (s == MilestoneStatus.HELD) {
            throw new MilestoneAlreadyHeld("milestone", slot);
        }
        if (s.settled()) {
            throw new MilestoneAlreadySettled("milestone", slot, s);
        }
    }

    private void requireOpenHomework(String itemId) {
        HomeworkItem item = homework.get(itemId);
        if (item == null) {
            throw new UnknownHomeworkItem(itemId);
        }
        if (!item.isOpen()) {
            throw new HomeworkNotOpen(itemId, item.state());
        }
    }

    /** Catches typing errors in the year: support happens around its fiscal year, not decades away. */
    private void requirePlausibleHeldOn(String field, LocalDate heldOn) {
        FiscalYear fy = new FiscalYear(fiscalYear);
        LocalDate earliest = fy.firstDay().minusMonths(6);
        LocalDate latest = fy.lastDay().plusMonths(12);
        if (heldOn.isBefore(earliest) || heldOn.isAfter(latest)) {
            throw new InvalidInput(field, "heldOn " + heldOn + " is implausible for " + fy.label()
                    + " (expected " + earliest + " … " + latest + ")");
        }
    }

    private MilestoneSlot slot(String field, String key) {
        return MilestoneSlot.parse(key, programme).orElseThrow(() -> new UnknownMilestone(field, key, programme));
    }

    private static List<Theme> themes(List<Theme> themes) {
        List<Theme> list = Require.listOrEmpty(themes);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null || list.get(i).code() == null) {
                throw new MissingValue("themes[" + i + "].code");
            }
        }
        return list;
    }

    /** Corrected values obey the same rules as the originals. */
    private void checkCorrectedValues(RecordedEvent target, CorrectedFields f) {
        if (f.heldOn() != null) {
            requirePlausibleHeldOn("fields.heldOn", f.heldOn());
        }
        if (f.plannedOn() != null && f.plannedPeriod() != null) {
            throw new InvalidInput("fields.plannedOn", "give either plannedOn or plannedPeriod (exactly one)");
        }
        Require.timesInOrder("fields.endTime", f.startTime(), f.endTime());
        if (f.participants() != null) {
            Require.totalHeadcount("fields.participants", f.participants());
        }
        Require.notBlankIfPresent("fields.text", f.text());
        Require.notBlankIfPresent("fields.description", f.description());
        Require.notBlankIfPresent("fields.name", f.name());
        if (f.dueOn() != null && target.is(HomeworkItemAdded.class)
                && homework.get(target.target()).dueBefore() != null) {
            throw new InvalidInput("fields.dueOn", "the item is due before a milestone; it cannot also have a date");
        }
    }

    // ---------------------------------------------------------------- read access for tests

    EngagementStatus status() {
        return status;
    }

    Milestone milestone(String key) {
        return milestones.get(key);
    }

    HomeworkItem homeworkItem(String itemId) {
        return homework.get(itemId);
    }

    Advisor advisor(String advisorId) {
        return advisors.get(advisorId);
    }

    LocalDate selectedOn() {
        return selectedOn;
    }

    String applicationBackground() {
        return applicationBackground;
    }

    String authorOf(long seq) {
        return authors.of(seq);
    }
}
