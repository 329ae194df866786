package casebook.grantwork;

import casebook.grantwork.BoardItems.Placed;
import casebook.kernel.grant.query.DeadlineItem;
import casebook.kernel.grant.query.GrantCaseSummary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One bucket's (a bureau's target fiscal year) placed steps as of one day, in the board's order: dated steps by day,
 * then the 時期未定 ones by the day they guess, each part ordered further by recipient, case, procedure and step. A
 * board of several buckets for a window of days is a run of each bucket's parts, found by binary search, merged:
 * no row filtered and no item sorted again for each officer's window, and a write to one bucket makes only that
 * bucket's board again. The answer is exactly what filtering and sorting would give: the order is total (a case's
 * procedure and step name one item).
 */
final class BucketBoard {

    static final Comparator<Placed> ORDER = Comparator.comparing((Placed p) -> p.item().dueBy() == null) // 時期未定 last
            .thenComparing(Placed::day)
            .thenComparing(p -> p.item().recipientCode(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(p -> p.item().grantCaseId())
            .thenComparingInt(p -> p.item().procedureKind() == null ? 0 : p.item().procedureKind().ordinal())
            .thenComparingInt(p -> p.item().procedureNumber())
            .thenComparingInt(p -> p.item().procedureKind() == null ? 0
                    : p.item().procedureKind().steps().indexOf(p.item().step()));

    /** The rows it was made from, compared by identity: a row is a new object when its case moves. */
    private final List<GrantCaseSummary> rows;
    private final LocalDate today;
    private final Placed[] dated;
    private final Placed[] tentative;

    private BucketBoard(List<GrantCaseSummary> rows, LocalDate today, Placed[] dated, Placed[] tentative) {
        this.rows = rows;
        this.today = today;
        this.dated = dated;
        this.tentative = tentative;
    }

    static BucketBoard of(List<GrantCaseSummary> rows, LocalDate today, List<List<Placed>> itemsOfRows) {
        List<Placed> all = new ArrayList<>();
        itemsOfRows.forEach(all::addAll);
        all.sort(ORDER);
        int firstTentative = 0;
        while (firstTentative < all.size() && all.get(firstTentative).item().dueBy() != null) {
            firstTentative++;
        }
        return new BucketBoard(List.copyOf(rows), today, all.subList(0, firstTentative).toArray(Placed[]::new),
                all.subList(firstTentative, all.size()).toArray(Placed[]::new));
    }

    /** Whether this board was made on {@code today} from these very rows, in this order. */
    boolean madeFrom(List<GrantCaseSummary> others, LocalDate day) {
        if (!today.equals(day) || others.size() != rows.size()) {
            return false;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) != others.get(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The items of {@code boards} placed on days from {@code from} to {@code to}, both inclusive (null leaves that end
     * open), in the board's order: each board's runs laid end to end, then merged by a sort that finds the runs.
     */
    static List<DeadlineItem> window(List<BucketBoard> boards, LocalDate from, LocalDate to) {
        List<Placed> dated = new ArrayList<>();
        List<Placed> tentative = new ArrayList<>();
        for (BucketBoard board : boards) {
            addRun(board.dated, from, to, dated);
            addRun(board.tentative, from, to, tentative);
        }
        if (boards.size() > 1) {
            dated.sort(ORDER);
            tentative.sort(ORDER);
        }
        List<DeadlineItem> items = new ArrayList<>(dated.size() + tentative.size());
        dated.forEach(p -> items.add(p.item()));
        tentative.forEach(p -> items.add(p.item()));
        return items;
    }

    /** How many items the board holds in all. */
    int size() {
        return dated.length + tentative.length;
    }

    private static void addRun(Placed[] part, LocalDate from, LocalDate to, List<Placed> into) {
        int start = from == null ? 0 : first(part, from, false);
        int end = to == null ? part.length : first(part, to, true);
        for (int i = start; i < end; i++) {
            into.add(part[i]);
        }
    }

    /** The index of the first item placed on or after {@code day} (after it, if {@code after}), or the length. */
    private static int first(Placed[] part, LocalDate day, boolean after) {
        int low = 0;
        int high = part.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            LocalDate placed = part[mid].day();
            if (after ? placed.isAfter(day) : !placed.isBefore(day)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
