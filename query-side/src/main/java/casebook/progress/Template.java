package casebook.progress;

import casebook.kernel.engagement.MilestoneKind;
import casebook.kernel.engagement.MilestoneSlot;
import casebook.kernel.engagement.Programme;
import casebook.kernel.engagement.query.NextMilestone;
import casebook.progress.Engagement.Milestone;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A programme's milestone template: order and labels of milestones, the next one, and the status they imply. */
final class Template {

    private Template() {
    }

    /** The fixed milestones of the template, all 未定; numbered ones (ONLINE_SESSION_2, ADVICE_1) come when used. */
    static List<Milestone> initial(Programme programme) {
        List<Milestone> milestones = new ArrayList<>();
        for (MilestoneKind kind : programme.sequence()) {
            if (!programme.repeatable().contains(kind)) {
                milestones.add(newMilestone(programme, kind.name()));
            }
        }
        return milestones;
    }

    /** The milestone with this key, added in template order if it is a numbered one seen for the first time. */
    static Milestone ensure(Engagement e, String key) {
        Optional<Milestone> existing = e.milestone(key);
        if (existing.isPresent()) {
            return existing.get();
        }
        Milestone m = newMilestone(e.programme, key);
        e.milestones.add(m);
        e.milestones.sort(Comparator.comparing((Milestone x) -> x.key, order(e.programme)));
        return m;
    }

    /** Template order; kinds outside the sequence (オンライン支援) follow it, numbered instances by number. */
    static Comparator<String> order(Programme programme) {
        return Comparator.<String>comparingInt(key -> position(programme, key)[0])
                .thenComparingInt(key -> position(programme, key)[1])
                .thenComparing(Comparator.naturalOrder());
    }

    static String label(Programme programme, String key) {
        return key == null ? null : MilestoneSlot.parse(key, programme).map(MilestoneSlot::label).orElse(key);
    }

    /** The first milestone of the sequence not settled (any milestone for programmes without a sequence). */
    static NextMilestone next(Engagement e) {
        if (e.status != null && e.status.terminal()) {
            return null;
        }
        return e.milestones.stream()
                .filter(m -> e.programme.sequence().isEmpty() || inSequence(e.programme, m.key))
                .filter(m -> !m.status.settled())
                .findFirst()
                .map(m -> new NextMilestone(m.key, m.label, m.status, m.plannedOn, m.plannedPeriod, m.startTime,
                        m.endTime))
                .orElse(null);
    }

    private static boolean inSequence(Programme programme, String key) {
        return MilestoneSlot.parse(key, programme).filter(s -> programme.sequence().contains(s.kind())).isPresent();
    }

    private static int[] position(Programme programme, String key) {
        Optional<MilestoneSlot> slot = MilestoneSlot.parse(key, programme);
        if (slot.isEmpty()) {
            return new int[] {Integer.MAX_VALUE, 0};
        }
        int index = programme.sequence().indexOf(slot.get().kind());
        int rank = index >= 0 ? index : programme.sequence().size() + slot.get().kind().ordinal();
        return new int[] {rank, slot.get().number()};
    }

    private static Milestone newMilestone(Programme programme, String key) {
        Milestone m = new Milestone();
        m.key = key;
        m.label = label(programme, key);
        return m;
    }
}
