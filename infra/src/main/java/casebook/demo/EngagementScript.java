package casebook.demo;

import casebook.kernel.engagement.EngagementType;
import casebook.kernel.engagement.MeetingMode;
import casebook.kernel.engagement.MilestoneSlot;
import casebook.kernel.engagement.OutputKind;
import casebook.kernel.engagement.ParticipantGroup;
import casebook.kernel.engagement.Programme;
import casebook.kernel.engagement.SelectedBy;
import casebook.kernel.engagement.Theme;
import casebook.kernel.engagement.command.AddHomework;
import casebook.kernel.engagement.command.AssignAdvisor;
import casebook.kernel.engagement.command.CompleteHomework;
import casebook.kernel.engagement.command.PlanMilestone;
import casebook.kernel.engagement.command.RecordDecision;
import casebook.kernel.engagement.command.RecordFinding;
import casebook.kernel.engagement.command.RecordMilestoneHeld;
import casebook.kernel.engagement.command.RecordOutput;
import casebook.kernel.engagement.command.RegisterEngagement;
import casebook.kernel.engagement.command.SelectEngagement;
import casebook.kernel.engagement.command.SubmitEntrySheet;
import casebook.kernel.reference.ReferenceData;
import casebook.kernel.time.PlannedPeriod;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the commands of one demo engagement in the order they happened, one fluent call per step:
 * {@code engagement("F01", "402036").registered(...).selected(...).held(M0_5, ...)}.
 * Each call adds a {@link DemoStep} whose description says what is recorded; {@link #assuming(String)} adds
 * to the last step's description what the seeds do not say. Milestone keys are checked against the
 * programme's template as they are written, so a fixture with a wrong key fails at once.
 */
final class EngagementScript {

    private final String fixtureId;
    private final String engagementId;
    private final String municipalityCode;
    private final String label;
    private final List<DemoStep> steps = new ArrayList<>();
    private final Set<String> homework = new HashSet<>();
    private Programme programme;
    private int advisors;
    private int decisions;
    private int findings;
    private int outputs;

    private EngagementScript(String fixtureId, String municipalityCode) {
        this.fixtureId = fixtureId;
        this.engagementId = DemoIds.engagementId(fixtureId);
        String name = ReferenceData.get().municipality(municipalityCode)
                .orElseThrow(() -> new IllegalArgumentException(fixtureId + ": unknown municipality " + municipalityCode))
                .name();
        this.label = fixtureId + " " + name;
        this.municipalityCode = municipalityCode;
    }

    /** Starts the script of a DOMAIN.md §7.1 fixture for the municipality with that 全国地方公共団体コード. */
    static EngagementScript engagement(String fixtureId, String municipalityCode) {
        return new EngagementScript(fixtureId, municipalityCode);
    }

    String engagementId() {
        return engagementId;
    }

    List<DemoStep> steps() {
        return List.copyOf(steps);
    }

    // --- case -------------------------------------------------------------------------------------

    EngagementScript registered(Programme programme, EngagementType type, int fiscalYear, LocalDate on,
            String applicationBackground, Theme... themes) {
        if (this.programme != null) {
            throw new IllegalStateException(label + " is already registered");
        }
        this.programme = programme;
        return add("registered as a " + programme.label() + (type == null ? "" : " (" + type.label() + ")")
                        + " candidate for FY" + fiscalYear + " on " + on,
                new RegisterEngagement(engagementId, programme, type, fiscalYear, municipalityCode, List.of(themes),
                        applicationBackground, on));
    }

    EngagementScript entrySheet(LocalDate receivedOn, String note) {
        return add("entry sheet received on " + receivedOn, new SubmitEntrySheet(engagementId, receivedOn, note));
    }

    EngagementScript selected(LocalDate on, SelectedBy by) {
        return add("selected by " + by + " on " + on, new SelectEngagement(engagementId, on, by));
    }

    EngagementScript advisor(LocalDate on, String name, String affiliation, String title) {
        String advisorId = DemoIds.itemId(fixtureId, "advisor", String.valueOf(++advisors));
        return add("advisor " + name + " assigned on " + on,
                new AssignAdvisor(engagementId, advisorId, name, affiliation, title, on));
    }

    // --- milestones -------------------------------------------------------------------------------

    EngagementScript planned(MilestoneSlot milestone, LocalDate plannedOn, LocalTime start, LocalTime end,
            MeetingMode mode, LocalDate decidedOn) {
        return add(milestone.label() + " planned for " + plannedOn + times(start, end) + modeText(mode),
                new PlanMilestone(engagementId, key(milestone), plannedOn, null, start, end, mode, null, null, decidedOn));
    }

    EngagementScript planned(MilestoneSlot milestone, PlannedPeriod period, MeetingMode mode, LocalDate decidedOn) {
        return add(milestone.label() + " planned for " + period.year() + "年" + period.label() + modeText(mode),
                new PlanMilestone(engagementId, key(milestone), null, period, null, null, mode, null, null, decidedOn));
    }

    EngagementScript held(MilestoneSlot milestone, LocalDate on, LocalTime start, LocalTime end, MeetingMode mode,
            List<ParticipantGroup> participants, List<String> agenda, String summary) {
        return add(milestone.label() + " held on " + on + times(start, end) + modeText(mode),
                new RecordMilestoneHeld(engagementId, key(milestone), on, start, end, mode, null,
                        List.copyOf(participants), List.copyOf(agenda), summary));
    }

    // --- what the milestones produced -------------------------------------------------------------

    EngagementScript finding(MilestoneSlot milestone, LocalDate on, String text) {
        String findingId = DemoIds.itemId(fixtureId, "finding", String.valueOf(++findings));
        return add("finding at " + milestone.label() + ": " + text,
                new RecordFinding(engagementId, findingId, key(milestone), text, on));
    }

    /** A decision; {@code milestone} may be null when it was taken between milestones (課内で意思決定). */
    EngagementScript decision(MilestoneSlot milestone, LocalDate on, String text) {
        String decisionId = DemoIds.itemId(fixtureId, "decision", String.valueOf(++decisions));
        return add("decision" + (milestone == null ? "" : " at " + milestone.label()) + " on " + on + ": " + text,
                new RecordDecision(engagementId, decisionId, milestone == null ? null : key(milestone), on, text));
    }

    /** A homework item due before a milestone; {@code name} makes its id ({@link DemoIds#itemId}). */
    EngagementScript homework(String name, MilestoneSlot dueBefore, String owner, LocalDate setOn, String description) {
        if (!homework.add(name)) {
            throw new IllegalStateException(label + ": homework " + name + " added twice");
        }
        return add("homework due before " + dueBefore.label() + " (" + owner + "): " + description,
                new AddHomework(engagementId, DemoIds.itemId(fixtureId, "homework", name), description, owner,
                        key(dueBefore), null, setOn));
    }

    EngagementScript homeworkDone(String name, LocalDate on, String note) {
        if (!homework.contains(name)) {
            throw new IllegalStateException(label + ": no homework " + name);
        }
        return add("homework " + name + " completed on " + on,
                new CompleteHomework(engagementId, DemoIds.itemId(fixtureId, "homework", name), on, note));
    }

    /** An output by reference (no document store in the demo, so no URI); {@code milestone} may be null. */
    EngagementScript output(OutputKind kind, String title, MilestoneSlot milestone, LocalDate on) {
        String outputId = DemoIds.itemId(fixtureId, "output", String.valueOf(++outputs));
        return add("output " + kind.label() + ": 「" + title + "」 on " + on,
                new RecordOutput(engagementId, outputId, kind, title, null, milestone == null ? null : key(milestone), on));
    }

    // --- notes on the last step -------------------------------------------------------------------

    /** Says, on the last step, which value the seeds do not give and what was assumed. */
    EngagementScript assuming(String assumption) {
        DemoStep last = steps.remove(steps.size() - 1);
        steps.add(new DemoStep(last.description() + " [assumption: " + assumption + "]", last.command()));
        return this;
    }

    /** The seeds give only the month or part of it ({@code "2024年10月末"}); the day recorded is illustrative. */
    EngagementScript dayNotInSeeds(String period) {
        return assuming("the seeds give only " + period + "; the exact day is not in the seeds");
    }

    // ---------------------------------------------------------------------------------------------

    private EngagementScript add(String what, Object command) {
        if (programme == null && !(command instanceof RegisterEngagement)) {
            throw new IllegalStateException(label + ": register before " + what);
        }
        steps.add(new DemoStep(label + ": " + what, command));
        return this;
    }

    private String key(MilestoneSlot milestone) {
        if (MilestoneSlot.parse(milestone.key(), programme).isEmpty()) {
            throw new IllegalArgumentException(label + ": " + milestone + " is not a milestone of " + programme);
        }
        return milestone.key();
    }

    private static String times(LocalTime start, LocalTime end) {
        return start == null ? "" : " " + start + "–" + end;
    }

    private static String modeText(MeetingMode mode) {
        return mode == null ? "" : " (" + mode + ")";
    }
}
