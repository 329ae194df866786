package casebook.progress;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.engagement.CorrectedFields;
import casebook.kernel.engagement.MilestoneStatus;
import casebook.kernel.engagement.ParticipantGroup;
import casebook.kernel.engagement.event.AdvisorAssigned;
import casebook.kernel.engagement.event.DecisionRecorded;
import casebook.kernel.engagement.event.EngagementRecordCorrected;
import casebook.kernel.engagement.event.EngagementRegistered;
import casebook.kernel.engagement.event.EngagementSelected;
import casebook.kernel.engagement.event.FindingRecorded;
import casebook.kernel.engagement.event.HomeworkItemAdded;
import casebook.kernel.engagement.event.HomeworkItemCompleted;
import casebook.kernel.engagement.event.MilestoneHeld;
import casebook.kernel.engagement.event.MilestonePlanned;
import casebook.kernel.engagement.event.MilestoneRescheduled;
import casebook.kernel.engagement.event.OutputRecorded;
import casebook.kernel.engagement.query.AdvisorView;
import casebook.kernel.engagement.query.DecisionView;
import casebook.kernel.engagement.query.FindingView;
import casebook.kernel.engagement.query.OutputView;
import casebook.kernel.engagement.query.PeriodView;
import casebook.progress.Engagement.Milestone;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies an EngagementRecordCorrected to the view: the fields the correction sets replace what the corrected
 * event had put there. The target comes from the projection's own record of that sequence number.
 */
final class Corrections {

    private static final Set<Class<?>> CORRECTABLE = Set.of(EngagementRegistered.class, EngagementSelected.class,
            AdvisorAssigned.class, MilestonePlanned.class, MilestoneRescheduled.class, MilestoneHeld.class,
            FindingRecorded.class, DecisionRecorded.class, HomeworkItemAdded.class, HomeworkItemCompleted.class,
            OutputRecorded.class);
    private static final Set<String> PLANS = Set.of("MilestonePlanned", "MilestoneRescheduled");

    private Corrections() {
    }

    static boolean correctable(CaseEvent event) {
        return CORRECTABLE.contains(event.getClass());
    }

    static void apply(StoredEngagement stored, EngagementRecordCorrected c) {
        CorrectionTarget t = stored.corrections().get(String.valueOf(c.correctsEvent()));
        CorrectedFields f = c.fields();
        if (t == null || f == null) {
            return; // not a correctable event of this engagement: nothing in the view came from it
        }
        Engagement e = stored.engagement();
        switch (t.type()) {
            case "EngagementRegistered" -> e.applicationBackground = or(f.applicationBackground(), e.applicationBackground);
            case "EngagementSelected" -> e.selectedOn = or(f.selectedOn(), e.selectedOn);
            case "MilestoneHeld" -> e.milestone(t.key()).ifPresent(m -> held(m, f));
            case "MilestonePlanned", "MilestoneRescheduled" -> {
                if (!superseded(stored.corrections(), c.correctsEvent(), t.key())) {
                    e.milestone(t.key()).ifPresent(m -> plan(m, f));
                }
            }
            case "HomeworkItemAdded" -> e.homeworkItem(t.key()).ifPresent(h -> {
                h.description = or(f.description(), h.description);
                h.owner = or(f.owner(), h.owner);
                h.dueOn = or(f.dueOn(), h.dueOn);
            });
            case "HomeworkItemCompleted" -> e.homeworkItem(t.key()).ifPresent(h -> {
                h.completedOn = or(f.completedOn(), h.completedOn);
                h.note = or(f.note(), h.note);
            });
            case "DecisionRecorded" -> Lists.replace(e.decisions, d -> d.decisionId().equals(t.key()),
                    d -> new DecisionView(d.decisionId(), d.milestone(), or(f.decidedOn(), d.decidedOn()),
                            or(f.text(), d.text())));
            case "FindingRecorded" -> Lists.replace(e.findings, d -> d.findingId().equals(t.key()),
                    d -> new FindingView(d.findingId(), d.milestone(), or(f.text(), d.text()), d.recordedOn()));
            case "AdvisorAssigned" -> Lists.replace(e.advisors, a -> a.advisorId().equals(t.key()),
                    a -> new AdvisorView(a.advisorId(), or(f.name(), a.name()), or(f.affiliation(), a.affiliation()),
                            or(f.title(), a.title()), a.assignedOn(), a.active(), a.unassignedOn(), a.reason()));
            case "OutputRecorded" -> Lists.replace(e.outputs, o -> o.outputId().equals(t.key()),
                    o -> new OutputView(o.outputId(), o.kind(), or(f.title(), o.title()), o.uri(), o.milestone(),
                            o.producedOn()));
            default -> {
            }
        }
    }

    private static void held(Milestone m, CorrectedFields f) {
        m.heldOn = or(f.heldOn(), m.heldOn);
        m.startTime = or(f.startTime(), m.startTime);
        m.endTime = or(f.endTime(), m.endTime);
        m.mode = or(f.mode(), m.mode);
        m.place = or(f.place(), m.place);
        m.summary = or(f.summary(), m.summary);
        m.agenda = or(f.agenda(), m.agenda);
        if (f.participants() != null) {
            m.participants = List.copyOf(f.participants());
            m.totalHeadcount = f.participants().stream().map(ParticipantGroup::headcount).filter(Objects::nonNull)
                    .mapToInt(Integer::intValue).sum();
        }
    }

    /** A plan is either a date or a period, so correcting one clears the other. */
    private static void plan(Milestone m, CorrectedFields f) {
        if (f.plannedOn() != null) {
            m.plannedOn = f.plannedOn();
            m.plannedPeriod = null;
        } else if (f.plannedPeriod() != null) {
            m.plannedPeriod = PeriodView.of(f.plannedPeriod());
            m.plannedOn = null;
        }
        if (m.status != MilestoneStatus.HELD) {
            m.startTime = or(f.startTime(), m.startTime);
            m.endTime = or(f.endTime(), m.endTime);
            m.mode = or(f.mode(), m.mode);
            m.place = or(f.place(), m.place);
        }
    }

    /** A later plan of the same milestone replaced this one, so correcting it changes nothing visible. */
    private static boolean superseded(Map<String, CorrectionTarget> targets, long seq, String key) {
        return targets.entrySet().stream().anyMatch(en -> Long.parseLong(en.getKey()) > seq
                && PLANS.contains(en.getValue().type()) && Objects.equals(en.getValue().key(), key));
    }

    private static <T> T or(T value, T current) {
        return value != null ? value : current;
    }
}
