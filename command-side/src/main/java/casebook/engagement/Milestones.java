package casebook.engagement;

import casebook.kernel.engagement.MilestoneKind;
import casebook.kernel.engagement.MilestoneSlot;
import casebook.kernel.engagement.MilestoneStatus;
import casebook.kernel.engagement.Programme;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The milestones of one engagement against its programme's template (支援の流れ): the ordering rule and the
 * facts the status is derived from.
 *
 * <p>Repeatable kinds in the sequence (ADVICE_n of アドバイザー派遣) never block later milestones, since there may be
 * any number of them, but they do wait for the earlier ones (ADVICE_n after DISPATCH_DECIDED). For "support
 * completed" such a kind counts as settled once one of its numbers is held, cancelled or skipped and none is
 * still planned. Milestones outside the sequence (ONLINE_SESSION_n, SESSION_n) may be held at any time.
 */
final class Milestones {

    private final Programme programme;
    private final Map<String, Milestone> byKey = new LinkedHashMap<>();

    /** For snapshots: the snapshot serializer fills the fields. */
    private Milestones() {
        this.programme = null;
    }

    Milestones(Programme programme) {
        this.programme = programme;
    }

    /** Resolves a key taken from an event, which the command handler has already validated. */
    MilestoneSlot slot(String key) {
        return MilestoneSlot.parse(key, programme)
                .orElseThrow(() -> new IllegalStateException("event names unknown milestone " + key));
    }

    Milestone get(MilestoneSlot slot) {
        return byKey.getOrDefault(slot.key(), Milestone.notPlanned(slot));
    }

    Milestone get(String key) {
        return get(slot(key));
    }

    void put(Milestone milestone) {
        byKey.put(milestone.slot().key(), milestone);
    }

    /** The first earlier milestone of the template that is neither held, cancelled nor skipped. */
    Optional<MilestoneSlot> firstUnsettledBefore(MilestoneSlot slot) {
        int position = programme.sequence().indexOf(slot.kind());
        for (MilestoneKind earlier : programme.sequence().subList(0, Math.max(position, 0))) {
            if (!programme.repeatable().contains(earlier) && !get(new MilestoneSlot(earlier, 0)).status().settled()) {
                return Optional.of(new MilestoneSlot(earlier, 0));
            }
        }
        return Optional.empty();
    }

    boolean anyHeld() {
        return byKey.values().stream().anyMatch(m -> m.status() == MilestoneStatus.HELD);
    }

    /** Every template milestone but the report is settled and at least one of them was actually held. */
    boolean supportCompleted() {
        var support = programme.sequence().stream().filter(k -> k != programme.reportMilestone()).toList();
        boolean oneHeld = byKey.values().stream()
                .anyMatch(m -> m.status() == MilestoneStatus.HELD && support.contains(m.slot().kind()));
        return !support.isEmpty() && oneHeld && support.stream().allMatch(this::settled);
    }

    boolean reportHeld() {
        MilestoneKind report = programme.reportMilestone();
        return report != null && get(new MilestoneSlot(report, 0)).status() == MilestoneStatus.HELD;
    }

    private boolean settled(MilestoneKind kind) {
        if (!programme.repeatable().contains(kind)) {
            return get(new MilestoneSlot(kind, 0)).status().settled();
        }
        var ofKind = byKey.values().stream().filter(m -> m.slot().kind() == kind).toList();
        return ofKind.stream().anyMatch(m -> m.status().settled())
                && ofKind.stream().noneMatch(m -> m.status() == MilestoneStatus.PLANNED);
    }
}
