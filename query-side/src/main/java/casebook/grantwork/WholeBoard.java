package casebook.grantwork;

import casebook.grantwork.BoardItems.Placed;
import casebook.kernel.grant.query.DeadlineItem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every placed step of a set of buckets' rows as of one day, in the board's order: dated steps by day, then the
 * 時期未定 ones by the day they guess, each part ordered further by recipient, case, procedure and step. A window of
 * days is then a run of each part, found by two binary searches each, instead of every row filtered and the items
 * sorted again for each officer's window. The answer is exactly what filtering and sorting would give: the order is
 * total (a case's procedure and step name one item).
 */
final class WholeBoard {

    static final Comparator<Placed> ORDER = Comparator.comparing((Placed p) -> p.item().dueBy() == null) // 時期未定 last
            .thenComparing(Placed::day)
            .thenComparing(p -> p.item().recipientCode(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(p -> p.item().grantCaseId())
            .thenComparingInt(p -> p.item().procedureKind() == null ? 0 : p.item().procedureKind().ordinal())
            .thenComparingInt(p -> p.item().procedureNumber())
            .thenComparingInt(p -> p.item().procedureKind() == null ? 0
                    : p.item().procedureKind().steps().indexOf(p.item().step()));

    private final Part dated;
    private final Part tentative;

    private WholeBoard(Part dated, Part tentative) {
        this.dated = dated;
        this.tentative = tentative;
    }

    static WholeBoard of(List<List<Placed>> itemsOfRows) {
        List<Placed> all = new ArrayList<>();
        itemsOfRows.forEach(all::addAll);
        all.sort(ORDER);
        int firstTentative = 0;
        while (firstTentative < all.size() && all.get(firstTentative).item().dueBy() != null) {
            firstTentative++;
        }
        return new WholeBoard(new Part(all.subList(0, firstTentative)), new Part(all.subList(firstTentative, all.size())));
    }

    /** The items placed on days from {@code from} to {@code to}, both inclusive; null leaves that end open. */
    List<DeadlineItem> window(LocalDate from, LocalDate to) {
        List<DeadlineItem> items = new ArrayList<>();
        dated.addWindow(from, to, items);
        tentative.addWindow(from, to, items);
        return items;
    }

    /** How many items the board holds in all. */
    int size() {
        return dated.items.length + tentative.items.length;
    }

    /** Items sorted by their placing day first, with those days alongside for the searches. */
    private static final class Part {
        private final LocalDate[] days;
        private final DeadlineItem[] items;

        Part(List<Placed> sorted) {
            days = new LocalDate[sorted.size()];
            items = new DeadlineItem[sorted.size()];
            for (int i = 0; i < days.length; i++) {
                days[i] = sorted.get(i).day();
                items[i] = sorted.get(i).item();
            }
        }

        void addWindow(LocalDate from, LocalDate to, List<DeadlineItem> into) {
            int start = from == null ? 0 : first(from, false);
            int end = to == null ? days.length : first(to, true);
            for (int i = start; i < end; i++) {
                into.add(items[i]);
            }
        }

        /** The index of the first day on or after {@code day} (after it, if {@code after}), or the length. */
        private int first(LocalDate day, boolean after) {
            int low = 0;
            int high = days.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (after ? days[mid].isAfter(day) : !days[mid].isBefore(day)) {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            return low;
        }
    }
}
