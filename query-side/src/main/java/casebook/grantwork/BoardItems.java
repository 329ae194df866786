package casebook.grantwork;

import casebook.kernel.grant.query.DeadlineItem;
import casebook.kernel.grant.query.GrantCaseSummary;
import casebook.kernel.grant.query.GrantStepStatus;
import casebook.kernel.grant.query.ScheduledStep;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deadline board's items of each case, made once per row and day and then handed out as the very same objects
 * to every board that shows them, whatever its window. A row is the same object while its case's version stays
 * ({@link DecodedRows}), and an item depends only on its row and the day (overdue and status), so items made for
 * another board of the same day are still right. Handing out the same objects is what lets the web layer write an
 * item's JSON once and answer later windows with it: it finds them by identity, which costs nothing, where finding
 * equal items by content (their records' equals and hashCode over 19 fields) cost more than writing them
 * (thirty-second session, docs/PERFORMANCE.md). Bounded, least recently used out.
 */
final class BoardItems {

    /** An item with the day that places it: its dueBy, or for a 時期未定 plan the end of the guessed month. */
    record Placed(LocalDate day, DeadlineItem item) {
    }

    private record Held(GrantCaseSummary row, LocalDate today, List<Placed> items) {

        boolean isFor(GrantCaseSummary other, LocalDate day) {
            return row == other && today.equals(day);
        }
    }

    private final int maxRows;
    private final Map<String, Held> byId;

    BoardItems(int maxRows) {
        this.maxRows = maxRows;
        this.byId = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Held> eldest) {
                return size() > BoardItems.this.maxRows;
            }
        };
    }

    /**
     * Each row's items as of {@code today}, in the rows' order: the held ones where made from that very row. Two
     * boards made at once (the morning's first officers) may both make a row's items; the first to hand them in is
     * held, and the other takes those, so that a row's items stay one set of objects.
     */
    List<List<Placed>> of(List<GrantCaseSummary> rows, LocalDate today) {
        List<List<Placed>> result = new ArrayList<>(rows.size());
        synchronized (byId) {
            for (GrantCaseSummary row : rows) {
                result.add(heldFor(row, today));
            }
        }
        List<Integer> made = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (result.get(i) == null) {
                result.set(i, placed(rows.get(i), today));
                made.add(i);
            }
        }
        if (!made.isEmpty()) {
            synchronized (byId) {
                for (int i : made) {
                    GrantCaseSummary row = rows.get(i);
                    Held held = byId.get(row.id());
                    if (held != null && held.isFor(row, today)) {
                        result.set(i, held.items());
                    } else if (held == null || held.row().version() <= row.version()) {
                        byId.put(row.id(), new Held(row, today, result.get(i))); // not over a later version's
                    }
                }
            }
        }
        return result;
    }

    private List<Placed> heldFor(GrantCaseSummary row, LocalDate today) {
        Held held = byId.get(row.id());
        return held != null && held.isFor(row, today) ? held.items() : null;
    }

    /** The row's planned steps that have a day to place them by, as items of {@code today}. */
    static List<Placed> placed(GrantCaseSummary r, LocalDate today) {
        if (r.schedule() == null || r.schedule().isEmpty()) {
            return List.of();
        }
        List<Placed> items = new ArrayList<>(r.schedule().size());
        for (ScheduledStep s : r.schedule()) {
            LocalDate day = s.dueBy() != null ? s.dueBy() : s.tentativeBy();
            if (day == null) {
                continue;
            }
            GrantStepStatus status = GrantQueries.status(s.recordedOn() != null, s.outstanding(), s.dueBy(), true, today);
            items.add(new Placed(day, new DeadlineItem(r.id(), r.grantType(), r.grantTypeLabel(), r.recipientName(),
                    r.recipientCode(), r.bureauCode(), r.targetFiscalYear(), s.procedureId(), s.procedureKind(),
                    s.procedureKind() == null ? null : s.procedureKind().label(), s.number(), s.step(), s.stepLabel(),
                    s.plannedLabel(), s.dueBy(), s.recordedOn() != null, s.recordedOn(),
                    status == GrantStepStatus.OVERDUE, status)));
        }
        return List.copyOf(items);
    }
}
