package casebook.kernel.engagement;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one rule for where a selected engagement stands, shared by the aggregate and the views so they
 * can never disagree: 報告済 once the report milestone is held; 支援完了 once every support milestone
 * is settled and at least one was held; 支援中 once any milestone is held; 支援チーム編成 while an advisor
 * is assigned; otherwise 選定. Status follows the facts, so a correction or a re-plan moves it back too.
 */
public final class EngagementProgress {

    private EngagementProgress() {
    }

    /**
     * @param current    the status before; candidates and ended engagements keep it
     * @param milestones milestone key (e.g. {@code VISIT_1}, {@code ONLINE_SESSION_2}) → its status
     */
    public static EngagementStatus derive(EngagementStatus current, Programme programme,
                                          Map<String, MilestoneStatus> milestones, boolean advisorAssigned) {
        if (current == null || current.terminal() || current == EngagementStatus.CANDIDATE
                || current == EngagementStatus.ENTRY_SUBMITTED) {
            return current;
        }
        if (reportHeld(programme, milestones)) {
            return EngagementStatus.REPORTED;
        }
        if (supportCompleted(programme, milestones)) {
            return EngagementStatus.SUPPORT_COMPLETED;
        }
        if (milestones.values().stream().anyMatch(s -> s == MilestoneStatus.HELD)) {
            return EngagementStatus.IN_SUPPORT;
        }
        return advisorAssigned ? EngagementStatus.TEAM_FORMED : EngagementStatus.SELECTED;
    }

    static boolean reportHeld(Programme programme, Map<String, MilestoneStatus> milestones) {
        MilestoneKind report = programme.reportMilestone();
        return report != null && milestones.get(report.name()) == MilestoneStatus.HELD;
    }

    /** Every template milestone but the report is settled, and at least one of them was actually held. */
    static boolean supportCompleted(Programme programme, Map<String, MilestoneStatus> milestones) {
        List<MilestoneKind> support = programme.sequence().stream().filter(k -> k != programme.reportMilestone()).toList();
        boolean oneHeld = milestones.entrySet().stream().anyMatch(e -> e.getValue() == MilestoneStatus.HELD
                && kind(programme, e.getKey()).filter(support::contains).isPresent());
        return !support.isEmpty() && oneHeld && support.stream().allMatch(k -> settled(programme, k, milestones));
    }

    /** A repeatable kind counts as settled once one is settled and none is still only planned. */
    private static boolean settled(Programme programme, MilestoneKind kind, Map<String, MilestoneStatus> milestones) {
        if (!programme.repeatable().contains(kind)) {
            MilestoneStatus s = milestones.get(kind.name());
            return s != null && s.settled();
        }
        List<MilestoneStatus> ofKind = milestones.entrySet().stream()
                .filter(e -> kind(programme, e.getKey()).filter(kind::equals).isPresent()).map(Map.Entry::getValue).toList();
        return ofKind.stream().anyMatch(MilestoneStatus::settled) && ofKind.stream().noneMatch(s -> s == MilestoneStatus.PLANNED);
    }

    private static Optional<MilestoneKind> kind(Programme programme, String key) {
        return MilestoneSlot.parse(key, programme).map(MilestoneSlot::kind);
    }
}
