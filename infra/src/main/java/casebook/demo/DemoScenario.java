package casebook.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo data as commands: every step needed to load the seed engagements of DOMAIN.md §7.1 as real events,
 * in the order they happened within each engagement. Plain Java, so that a loader, a test or a script can send
 * the commands through whatever command gateway it has.
 * <p>
 * Engagement ids are deterministic ({@link #engagementId(String)}), as are the ids of homework, decisions,
 * findings, outputs and advisors ({@link DemoIds#itemId}). Where the seeds are silent (selection dates, the
 * day of a milestone known only by month) a step says which value it assumed.
 */
public final class DemoScenario {

    /** The §7.1 fixtures the scenario loads. F10–F12, F16–F20 are not loaded (no milestones, or no named target). */
    public static final List<String> FIXTURES =
            List.of("F01", "F02", "F03", "F04", "F05", "F06", "F07", "F08", "F09", "F13", "F14", "F15");

    private DemoScenario() {
    }

    /** Every command of the demo, case by case (engagements F01 … F15, then grant cases), each in business order. */
    public static List<DemoStep> steps() {
        List<DemoStep> steps = new ArrayList<>();
        steps.addAll(KyushuFy2024.steps());
        steps.addAll(NarrativesFy2024.steps());
        steps.addAll(KantoFy2025.steps());
        steps.addAll(OtherProgrammesFy2024.steps());
        steps.addAll(GrantCasesDemo.steps());
        steps.addAll(InquiriesDemo.steps());
        return List.copyOf(steps);
    }

    /** The grant case id of a demo grant fixture, e.g. {@code grantCaseId("G03")}. */
    public static String grantCaseId(String fixtureId) {
        return GrantScript.grantCaseId(fixtureId);
    }

    /** The engagement id of a fixture, e.g. {@code engagementId("F01")} for 久留米市. */
    public static String engagementId(String fixtureId) {
        return DemoIds.engagementId(fixtureId);
    }
}
