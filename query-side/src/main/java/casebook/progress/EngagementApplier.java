package casebook.progress;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.engagement.EngagementProgress;
import casebook.kernel.engagement.EngagementStatus;
import casebook.kernel.engagement.MeetingMode;
import casebook.kernel.engagement.MilestoneStatus;
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
import casebook.kernel.engagement.query.AdvisorView;
import casebook.kernel.engagement.query.DecisionView;
import casebook.kernel.engagement.query.FindingView;
import casebook.kernel.engagement.query.HomeworkStatus;
import casebook.kernel.engagement.query.OutputView;
import casebook.kernel.engagement.query.PeriodView;
import casebook.kernel.time.FiscalYear;
import casebook.kernel.time.PlannedPeriod;
import casebook.progress.Engagement.HomeworkItem;
import casebook.progress.Engagement.Milestone;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/** Applies one engagement event to the in-memory engagement, then re-derives its status and next milestone. */
final class EngagementApplier {

    private EngagementApplier() {
    }

    /** Events of the SupportEngagement aggregate; other case types have projections of their own. */
    static boolean handles(CaseEvent event) {
        return event.getClass().getPackage() == EngagementRegistered.class.getPackage();
    }

    static void apply(StoredEngagement stored, CaseEvent event, long seq) {
        Engagement e = stored.engagement();
        String key = null;
        if (event instanceof EngagementRegistered x) {
            registered(e, x);
        } else if (event instanceof EntrySheetSubmitted x) {
            e.entryReceivedOn = x.receivedOn();
            raise(e, EngagementStatus.ENTRY_SUBMITTED);
        } else if (event instanceof EngagementSelected x) {
            e.selectedOn = x.selectedOn();
            e.selectedBy = x.selectedBy();
            raise(e, EngagementStatus.SELECTED);
        } else if (event instanceof EntryNotSelected x) {
            end(e, EngagementStatus.NOT_SELECTED, x.decidedOn(), x.reason());
        } else if (event instanceof EngagementWithdrawn x) {
            end(e, EngagementStatus.WITHDRAWN, x.withdrawnOn(), x.reason());
        } else if (event instanceof EngagementClosed x) {
            end(e, EngagementStatus.CLOSED, x.closedOn(), x.reason());
            e.outcomeSummary = x.outcomeSummary();
        } else if (event instanceof ThemesUpdated x) {
            e.themes = x.themes() == null ? new ArrayList<>() : new ArrayList<>(x.themes());
        } else if (event instanceof AdvisorAssigned x) {
            key = x.advisorId();
            e.advisors.add(new AdvisorView(x.advisorId(), x.name(), x.affiliation(), x.title(), x.assignedOn(),
                    true, null, null));
        } else if (event instanceof AdvisorUnassigned x) {
            Lists.replace(e.advisors, a -> a.advisorId().equals(x.advisorId()), a -> new AdvisorView(a.advisorId(),
                    a.name(), a.affiliation(), a.title(), a.assignedOn(), false, x.occurredOn(), x.reason()));
        } else if (event instanceof MilestonePlanned x) {
            key = x.milestone();
            plan(Template.ensure(e, key), x.plannedOn(), x.plannedPeriod(), x.startTime(), x.endTime(), x.mode(),
                    x.place()).reason = null;
        } else if (event instanceof MilestoneRescheduled x) {
            key = x.milestone();
            plan(Template.ensure(e, key), x.plannedOn(), x.plannedPeriod(), x.startTime(), x.endTime(), x.mode(),
                    x.place()).reason = x.reason();
        } else if (event instanceof MilestoneHeld x) {
            key = x.milestone();
            held(Template.ensure(e, key), x);
        } else if (event instanceof MilestoneCancelled x) {
            settle(Template.ensure(e, x.milestone()), MilestoneStatus.CANCELLED, x.reason());
        } else if (event instanceof MilestoneSkipped x) {
            settle(Template.ensure(e, x.milestone()), MilestoneStatus.SKIPPED, x.reason());
        } else if (event instanceof FindingRecorded x) {
            key = x.findingId();
            e.findings.add(new FindingView(x.findingId(), x.milestone(), x.text(), x.occurredOn()));
        } else if (event instanceof DecisionRecorded x) {
            key = x.decisionId();
            e.decisions.add(new DecisionView(x.decisionId(), x.milestone(), x.decidedOn(), x.text()));
        } else if (event instanceof HomeworkItemAdded x) {
            key = x.itemId();
            e.homework.add(homework(x));
        } else if (event instanceof HomeworkItemCompleted x) {
            key = x.itemId();
            e.homeworkItem(x.itemId()).ifPresent(h -> {
                h.status = HomeworkStatus.COMPLETED;
                h.completedOn = x.completedOn();
                h.note = x.note();
            });
        } else if (event instanceof HomeworkItemDropped x) {
            e.homeworkItem(x.itemId()).ifPresent(h -> {
                h.status = HomeworkStatus.DROPPED;
                h.reason = x.reason();
            });
        } else if (event instanceof OutputRecorded x) {
            key = x.outputId();
            e.outputs.add(new OutputView(x.outputId(), x.kind(), x.title(), x.uri(), x.milestone(), x.producedOn()));
        } else if (event instanceof EngagementRecordCorrected x) {
            Corrections.apply(stored, x);
        }
        if (Corrections.correctable(event)) {
            stored.corrections().put(String.valueOf(seq), new CorrectionTarget(event.getClass().getSimpleName(), key));
        }
        status(e, EngagementProgress.derive(e.status, e.programme, milestoneStatuses(e),
                e.advisors.stream().anyMatch(AdvisorView::active)));
        e.nextMilestone = Template.next(e);
    }

    private static void registered(Engagement e, EngagementRegistered x) {
        e.id = x.engagementId();
        e.programme = x.programme();
        e.programmeLabel = x.programme().label();
        e.engagementType = x.engagementType();
        e.fiscalYear = x.fiscalYear();
        e.fiscalYearLabel = FiscalYear.isValid(x.fiscalYear()) ? new FiscalYear(x.fiscalYear()).label() : null;
        e.municipalityCode = x.municipalityCode();
        e.municipalityName = x.municipalityName();
        e.prefectureCode = x.prefectureCode();
        e.bureauCode = x.bureauCode();
        e.themes = x.themes() == null ? new ArrayList<>() : new ArrayList<>(x.themes());
        e.applicationBackground = x.applicationBackground();
        e.milestones = Template.initial(x.programme());
        status(e, EngagementStatus.CANDIDATE);
    }

    private static Milestone plan(Milestone m, LocalDate plannedOn, PlannedPeriod period, LocalTime start,
                                  LocalTime end, MeetingMode mode, String place) {
        m.plannedOn = plannedOn;
        m.plannedPeriod = PeriodView.of(period);
        if (m.status != MilestoneStatus.HELD) { // once held, the times and place are the actual ones
            m.status = MilestoneStatus.PLANNED;
            m.startTime = start;
            m.endTime = end;
            m.mode = mode;
            m.place = place;
        }
        return m;
    }

    private static void held(Milestone m, MilestoneHeld x) {
        m.status = MilestoneStatus.HELD;
        m.heldOn = x.heldOn();
        m.startTime = x.startTime();
        m.endTime = x.endTime();
        m.mode = x.mode();
        m.place = x.place();
        m.participants = x.participants() == null ? null : List.copyOf(x.participants());
        m.totalHeadcount = x.totalHeadcount();
        m.agenda = x.agenda() == null ? null : List.copyOf(x.agenda());
        m.summary = x.summary();
    }

    private static void settle(Milestone m, MilestoneStatus status, String reason) {
        m.status = status;
        m.reason = reason;
    }

    private static HomeworkItem homework(HomeworkItemAdded x) {
        HomeworkItem h = new HomeworkItem();
        h.itemId = x.itemId();
        h.description = x.description();
        h.owner = x.owner();
        h.dueBefore = x.dueBefore();
        h.dueOn = x.dueOn();
        h.addedOn = x.occurredOn();
        return h;
    }

    private static void end(Engagement e, EngagementStatus status, LocalDate on, String reason) {
        e.endedOn = on;
        e.endReason = reason;
        status(e, status);
    }

    private static void raise(Engagement e, EngagementStatus status) {
        if (!e.status.terminal() && e.status.compareTo(status) < 0) {
            status(e, status);
        }
    }

    private static Map<String, MilestoneStatus> milestoneStatuses(Engagement e) {
        Map<String, MilestoneStatus> statuses = new LinkedHashMap<>();
        e.milestones.forEach(m -> statuses.put(m.key, m.status));
        return statuses;
    }

    private static void status(Engagement e, EngagementStatus status) {
        e.status = status;
        e.statusLabel = status.label();
    }
}
