package casebook.grantwork;

import casebook.kernel.grant.query.DeadlineBoard;
import casebook.kernel.grant.query.DeadlineItem;
import casebook.kernel.grant.query.FindGrantCase;
import casebook.kernel.grant.query.GrantCaseSummary;
import casebook.kernel.grant.query.GrantCaseView;
import casebook.kernel.grant.query.GrantProcedureSummary;
import casebook.kernel.grant.query.GrantProcedureView;
import casebook.kernel.grant.query.GrantStepStatus;
import casebook.kernel.grant.query.GrantStepView;
import casebook.kernel.grant.query.GrantWorklist;
import casebook.kernel.grant.query.PendingApproval;
import casebook.kernel.grant.query.PendingApprovals;
import casebook.kernel.grant.query.WaitingFor;
import casebook.kernel.time.BusinessCalendar;
import casebook.kernel.time.FiscalYear;
import casebook.readmodel.KeptAnswers;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Answers the grant queries from the case documents and the bureau/target-fiscal-year buckets. What depends on the
 * day (step statuses, overdue, days waiting) is worked out here, with today in Asia/Tokyo from the clock.
 */
public class GrantQueries {

    /**
     * A deadline in a given fiscal year can belong to a case of that target year, of the year after (early steps),
     * or of one or two years before (confirmations, re-confirmations).
     */
    static final int YEARS_BEFORE = 2;
    static final int YEARS_AFTER = 1;

    private static final Comparator<GrantCaseSummary> BY_CASE = Comparator
            .comparingInt(GrantCaseSummary::targetFiscalYear)
            .thenComparing(GrantCaseSummary::bureauCode, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(GrantCaseSummary::recipientCode, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(GrantCaseSummary::grantType, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(GrantCaseSummary::id);

    private final GrantCaseRepository cases;
    private final GrantBuckets buckets;
    private final Clock clock;
    /** Worklists as last answered, per question and day: eight bureaus' years, with room to spare. */
    private final KeptAnswers<Asked, List<GrantCaseSummary>> worklists = new KeptAnswers<>(400);
    /** The boards of the buckets of each bucket set asked for, per day: eight bureaus' years, with room to spare. */
    private final KeptAnswers<Asked, List<BucketBoard>> boards = new KeptAnswers<>(400);
    /** Each bucket's board, its items the same objects for every board (as many rows as are kept decoded). */
    private final BucketBoards bucketBoards = new BucketBoards(new BoardItems(GrantBuckets.DECODED_ROWS), 400);

    public GrantQueries(MongoDatabase db, Clock clock) {
        this.cases = new GrantCaseRepository(db);
        this.buckets = new GrantBuckets(db);
        this.clock = clock;
    }

    /** The case's detail with each step's status as of today, or null when no such case is known. */
    @QueryHandler
    public GrantCaseView find(FindGrantCase query) {
        GrantCaseView v = query.grantCaseId() == null ? null : cases.view(query.grantCaseId());
        return v == null ? null : onDay(v, today());
    }

    /** The stored view with each step's status and the waiting-for's overdue as of {@code today}. */
    static GrantCaseView onDay(GrantCaseView v, LocalDate today) {
        List<GrantProcedureView> procedures = v.procedures() == null ? List.of() : v.procedures().stream()
                .map(p -> new GrantProcedureView(p.procedureId(), p.kind(), p.kindLabel(), p.number(), p.openedOn(),
                        p.steps().stream().map(s -> withStatus(s, today)).toList(), p.amounts(),
                        asOf(p.waitingFor(), today), p.complete(), p.pendingApproval()))
                .toList();
        return new GrantCaseView(v.id(), v.grantType(), v.grantTypeLabel(), v.recipientKind(), v.recipientKindLabel(),
                v.recipientCode(), v.recipientName(), v.prefectureCode(), v.bureauCode(), v.targetFiscalYear(),
                v.targetFiscalYearLabel(), v.openedOn(), procedures, asOf(v.waitingFor(), today), v.pendingApproval(),
                v.version(), v.lastRecordedAt());
    }

    /** C7: cases of one bucket (bureau and year), of eight (year only), of one bureau's years, or of all. */
    @QueryHandler
    public List<GrantCaseSummary> worklist(GrantWorklist q) {
        LocalDate today = today();
        List<GrantCaseSummary> rows = buckets.rows(q.bureau(), q.targetFiscalYear());
        return worklists.answer(new Asked(q, today), rows, () -> worklist(q, rows, today));
    }

    /**
     * The rows without their schedules: the deadline board answers those, and leaving them out makes a bureau's
     * year of cases under a quarter of the JSON (486 → 108 KB at a million events), so that every bureau's worklists
     * stay within the kept encoded answers.
     */
    private static List<GrantCaseSummary> worklist(GrantWorklist q, List<GrantCaseSummary> rows, LocalDate today) {
        return rows.stream()
                .filter(r -> q.grantType() == null || q.grantType() == r.grantType())
                .filter(r -> q.waitingFor() == null || r.procedures().stream()
                        .anyMatch(p -> !p.complete() && p.waitingFor() == q.waitingFor()))
                .sorted(BY_CASE)
                .map(r -> new GrantCaseSummary(r.id(), r.grantType(), r.grantTypeLabel(), r.recipientKind(),
                        r.recipientCode(), r.recipientName(), r.bureauCode(), r.targetFiscalYear(),
                        r.targetFiscalYearLabel(), asOf(r.waitingFor(), today), r.procedures(), r.pendingApproval(),
                        null, r.version()))
                .toList();
    }

    /**
     * C6: planned steps due within the range, read from the buckets of the target years that can hold them. Each
     * officer asks for a window of their own; each bucket's board is kept whole for the day ({@link BucketBoard}),
     * so a window is a run of each, merged, made of the same item objects as every other window ({@link BoardItems}).
     */
    @QueryHandler
    public List<DeadlineItem> deadlines(DeadlineBoard q) {
        LocalDate today = today();
        int first = Math.max(FiscalYear.EARLIEST, q.from() == null ? FiscalYear.EARLIEST
                : FiscalYear.of(q.from()).startYear() - YEARS_BEFORE);
        int last = Math.min(FiscalYear.LATEST, q.to() == null ? FiscalYear.LATEST
                : FiscalYear.of(q.to()).startYear() + YEARS_AFTER);
        if (first > last) {
            return List.of();
        }
        List<GrantCaseSummary> rows = buckets.rowsOfYears(q.bureau(), IntStream.rangeClosed(first, last).boxed().toList());
        List<BucketBoard> parts = boards.answer(new Asked(new Years(q.bureau(), first, last), today), rows,
                () -> bucketBoards.of(rows, today));
        return BucketBoard.window(parts, q.from(), q.to());
    }

    /** S4: procedures with 示達 received and no 決裁 yet, the longest waiting first. */
    @QueryHandler
    public List<PendingApproval> pendingApprovals(PendingApprovals q) {
        LocalDate today = today();
        List<PendingApproval> result = new ArrayList<>();
        for (GrantCaseSummary r : buckets.rows(q.bureau(), null)) {
            if (!r.pendingApproval()) {
                continue;
            }
            for (GrantProcedureSummary p : r.procedures()) {
                if (p.authorisedOn() != null && p.approvedOn() == null) {
                    result.add(new PendingApproval(r.id(), r.grantType(), r.grantTypeLabel(), r.recipientName(),
                            r.recipientCode(), r.bureauCode(), r.targetFiscalYear(), p.procedureId(), p.kind(),
                            p.kindLabel(), p.number(), p.authorised(), p.authorisedOn(),
                            Math.max(0, ChronoUnit.DAYS.between(p.authorisedOn(), today))));
                }
            }
        }
        result.sort(Comparator.comparing(PendingApproval::authorisedOn)
                .thenComparing(PendingApproval::recipientCode, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(PendingApproval::grantCaseId)
                .thenComparingInt(PendingApproval::procedureNumber));
        return result;
    }

    /** A question and the day it is asked on: overdue flags and days waiting depend on both. */
    private record Asked(Object query, LocalDate today) {
    }

    /** The buckets a board is read from: a bureau's (or all bureaus') target years {@code first..last}. */
    private record Years(String bureau, int first, int last) {
    }

    private LocalDate today() {
        return BusinessCalendar.today(clock);
    }

    private static GrantStepView withStatus(GrantStepView s, LocalDate today) {
        boolean recorded = s.recordings() != null && !s.recordings().isEmpty();
        return new GrantStepView(s.step(), s.label(), s.planned(), s.recordedOn(), s.amount(), s.noticeNo(), s.documents(),
                s.note(), s.recordings(), s.outstanding(),
                status(recorded, s.outstanding(), s.planned() == null ? null : s.planned().dueBy(), s.planned() != null, today));
    }

    static GrantStepStatus status(boolean recorded, boolean outstanding, LocalDate dueBy, boolean planned,
                                  LocalDate today) {
        if (recorded) {
            return GrantStepStatus.DONE;
        }
        if (!outstanding) {
            return GrantStepStatus.SKIPPED;
        }
        if (dueBy != null && dueBy.isBefore(today)) {
            return GrantStepStatus.OVERDUE;
        }
        return planned ? GrantStepStatus.PLANNED : GrantStepStatus.NOT_PLANNED;
    }

    private static WaitingFor asOf(WaitingFor w, LocalDate today) {
        return w == null ? null : new WaitingFor(w.procedureId(), w.procedureKind(), w.step(), w.label(), w.plannedLabel(),
                w.dueBy(), w.dueBy() != null && w.dueBy().isBefore(today));
    }
}
