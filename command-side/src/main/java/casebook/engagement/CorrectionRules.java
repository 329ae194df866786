package casebook.engagement;

import casebook.kernel.engagement.CorrectedFields;
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
import java.util.Map;
import java.util.Set;

/**
 * Which fields of which recorded event a correction (訂正) may change. Only facts that were recorded wrongly are
 * correctable; decisions of the process itself (cancel, skip, close …) are undone by new events, not corrections.
 */
final class CorrectionRules {

    private static final Set<String> PLAN = Set.of("plannedOn", "plannedPeriod", "startTime", "endTime", "mode", "place");

    private static final Map<String, Set<String>> CORRECTABLE = Map.ofEntries(
            rule(MilestoneHeld.class,
                    "heldOn", "startTime", "endTime", "mode", "place", "summary", "agenda", "participants"),
            Map.entry(MilestonePlanned.class.getSimpleName(), PLAN),
            Map.entry(MilestoneRescheduled.class.getSimpleName(), PLAN),
            rule(DecisionRecorded.class, "decidedOn", "text"),
            rule(FindingRecorded.class, "text"),
            rule(HomeworkItemAdded.class, "description", "owner", "dueOn"),
            rule(HomeworkItemCompleted.class, "completedOn", "note"),
            rule(EngagementSelected.class, "selectedOn"),
            rule(EngagementRegistered.class, "applicationBackground"),
            rule(AdvisorAssigned.class, "name", "affiliation", "title"));

    private CorrectionRules() {
    }

    static Set<String> correctableFields(String eventType) {
        return CORRECTABLE.getOrDefault(eventType, Set.of());
    }

    /** Rejects corrections of corrections and any present field that the corrected event type does not allow. */
    static void check(String eventType, CorrectedFields fields) {
        if (EngagementRecordCorrected.class.getSimpleName().equals(eventType)) {
            throw new NotCorrectable("correctsEvent", "a correction cannot be corrected; correct the original event");
        }
        Set<String> allowed = correctableFields(eventType);
        for (String name : fields.present()) {
            if (!allowed.contains(name)) {
                throw new NotCorrectable("fields." + name, name + " cannot be corrected on " + eventType
                        + (allowed.isEmpty() ? " (nothing can)" : " (only " + allowed + ")"));
            }
        }
    }

    private static Map.Entry<String, Set<String>> rule(Class<?> eventType, String... fields) {
        return Map.entry(eventType.getSimpleName(), Set.of(fields));
    }
}
