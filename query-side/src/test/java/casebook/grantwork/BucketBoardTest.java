package casebook.grantwork;

import static org.assertj.core.api.Assertions.assertThat;

import casebook.grantwork.BoardItems.Placed;
import casebook.kernel.grant.GrantStep;
import casebook.kernel.grant.GrantType;
import casebook.kernel.grant.ProcedureKind;
import casebook.kernel.grant.RecipientKind;
import casebook.kernel.grant.query.DeadlineItem;
import casebook.kernel.grant.query.GrantCaseSummary;
import casebook.kernel.grant.query.ScheduledStep;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A window of the kept bucket boards is exactly what filtering every row's steps and sorting them would give, and a
 * change to one bucket makes only that bucket's board again.
 */
class BucketBoardTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 9, 1);
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 4, 1);

    @Test
    void everyWindowIsTheFilteredAndSortedStepsOfTheRows() {
        Random random = new Random(7);
        List<GrantCaseSummary> rows = rows(random, 120);
        BoardItems items = new BoardItems(1_000);
        List<BucketBoard> boards = new BucketBoards(items, 100).of(rows, TODAY);
        List<List<Placed>> placed = items.of(rows, TODAY);
        assertThat(boards).as("two bureaus' two years").hasSize(4);
        assertThat(boards.stream().mapToInt(BucketBoard::size).sum())
                .isEqualTo(placed.stream().mapToInt(List::size).sum()).isGreaterThan(500);

        for (int i = 0; i < 300; i++) {
            LocalDate from = i % 10 == 0 ? null : FIRST_DAY.plusDays(random.nextInt(800));
            LocalDate to = i % 15 == 0 ? null : FIRST_DAY.plusDays(random.nextInt(800));
            assertThat(BucketBoard.window(boards, from, to)).as("window %s..%s", from, to)
                    .containsExactlyElementsOf(filteredAndSorted(placed, from, to));
            assertThat(BucketBoard.window(boards.subList(1, 2), from, to)).as("one bucket's, window %s..%s", from, to)
                    .containsExactlyElementsOf(filteredAndSorted(items.of(rows.stream()
                            .filter(r -> r.bureauCode().equals("tohoku") && r.targetFiscalYear() == 2025).toList(), TODAY),
                            from, to));
        }
        assertThat(BucketBoard.window(boards, LocalDate.of(2025, 6, 1), LocalDate.of(2025, 5, 31))).isEmpty();
        assertThat(BucketBoard.window(boards, null, null)).hasSize(placed.stream().mapToInt(List::size).sum());
    }

    @Test
    void aChangeToOneBucketMakesOnlyThatBucketsBoardAgain() {
        Random random = new Random(3);
        List<GrantCaseSummary> rows = rows(random, 40);
        BucketBoards buckets = new BucketBoards(new BoardItems(1_000), 100);
        List<BucketBoard> before = buckets.of(rows, TODAY);
        assertThat(buckets.of(new ArrayList<>(rows), TODAY)).as("the same rows in a new list")
                .zipSatisfy(before, (now, then) -> assertThat(now).isSameAs(then));

        GrantCaseSummary first = rows.get(0); // tohoku, FY2024: the first bucket
        rows.set(0, new GrantCaseSummary(first.id(), first.grantType(), first.grantTypeLabel(), first.recipientKind(),
                first.recipientCode(), first.recipientName(), first.bureauCode(), first.targetFiscalYear(),
                first.targetFiscalYearLabel(), null, List.of(), false, first.schedule(), first.version() + 1));
        List<BucketBoard> after = buckets.of(rows, TODAY);
        assertThat(after.get(0)).as("the moved case's bucket").isNotSameAs(before.get(0));
        assertThat(after.subList(1, 4)).as("the other buckets").containsExactlyElementsOf(before.subList(1, 4))
                .zipSatisfy(before.subList(1, 4), (now, then) -> assertThat(now).isSameAs(then));
        assertThat(buckets.of(rows, TODAY.plusDays(1))).as("the next day")
                .noneMatch(board -> after.stream().anyMatch(kept -> kept == board));
    }

    @Test
    void theSameRowOnTheSameDayHasTheSameItemsAndAnotherDayOrVersionNewOnes() {
        Random random = new Random(11);
        GrantCaseSummary row = row(random, 1);
        BoardItems items = new BoardItems(10);
        List<Placed> first = items.of(List.of(row), TODAY).get(0);
        assertThat(first).isNotEmpty();

        assertThat(items.of(List.of(row), TODAY).get(0)).isSameAs(first);
        GrantCaseSummary other = row(random, 2);
        assertThat(items.of(List.of(other, row), TODAY).get(1)).as("another bucket set's board, the same row")
                .isSameAs(first);
        assertThat(items.of(List.of(row), TODAY.plusDays(1)).get(0)).isNotSameAs(first).isEqualTo(
                BoardItems.placed(row, TODAY.plusDays(1)));
        GrantCaseSummary moved = new GrantCaseSummary(row.id(), row.grantType(), row.grantTypeLabel(), row.recipientKind(),
                row.recipientCode(), row.recipientName(), row.bureauCode(), row.targetFiscalYear(),
                row.targetFiscalYearLabel(), null, List.of(), false, row.schedule(), row.version() + 1);
        assertThat(items.of(List.of(moved), TODAY.plusDays(1)).get(0).get(0).item()).as("another version of the row")
                .isNotSameAs(items.of(List.of(row), TODAY.plusDays(1)).get(0).get(0).item());
    }

    /** The board as it was worked out before it was kept whole: every row's steps in the window, sorted. */
    private static List<DeadlineItem> filteredAndSorted(List<List<Placed>> items, LocalDate from, LocalDate to) {
        List<Placed> all = new ArrayList<>();
        items.forEach(ofRow -> ofRow.stream()
                .filter(p -> (from == null || !p.day().isBefore(from)) && (to == null || !p.day().isAfter(to)))
                .forEach(all::add));
        all.sort(BucketBoard.ORDER);
        return all.stream().map(Placed::item).toList();
    }

    private static List<GrantCaseSummary> rows(Random random, int count) {
        List<GrantCaseSummary> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row(random, i));
        }
        return rows;
    }

    /** A case with a few procedures' planned steps: most dated, some 時期未定, some without a day, some recorded. */
    private static GrantCaseSummary row(Random random, int i) {
        List<ScheduledStep> schedule = new ArrayList<>();
        for (int p = 0; p < 1 + random.nextInt(3); p++) {
            ProcedureKind kind = ProcedureKind.values()[random.nextInt(ProcedureKind.values().length)];
            for (GrantStep step : kind.steps()) {
                if (random.nextInt(3) == 0) {
                    continue;
                }
                LocalDate day = FIRST_DAY.plusDays(random.nextInt(800));
                int shape = random.nextInt(10);
                LocalDate dueBy = shape < 7 ? day : null;
                LocalDate tentativeBy = shape == 7 || shape == 8 ? day : null;
                LocalDate recordedOn = random.nextBoolean() ? day.minusDays(3) : null;
                schedule.add(new ScheduledStep("p" + p, kind, p + 1, step, step.name(), dueBy == null ? "時期未定" : null,
                        dueBy, tentativeBy, recordedOn, random.nextInt(5) > 0));
            }
        }
        // Few recipients, so that the order by recipient and case decides among items of one day.
        String recipient = "0" + (10000 + random.nextInt(5));
        return new GrantCaseSummary("case-" + i, GrantType.values()[i % GrantType.values().length], "交付金",
                RecipientKind.MUNICIPALITY, recipient, "市" + recipient, i % 4 < 2 ? "tohoku" : "kyushu", 2024 + i % 2,
                "令和" + (6 + i % 2) + "年度", null,
                List.of(), false, schedule, 3);
    }
}
