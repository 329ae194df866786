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

    /** Milestone key → status, the facts the shared status rule reads. */
    Map<String, MilestoneStatus> statuses() {
        Map<String, MilestoneStatus> result = new LinkedHashMap<>();
        byKey.forEach((key, m) -> result.put(key, m.status()));
        return result;
    }
}
