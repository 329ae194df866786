package casebook.kernel.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FiscalYearTest {

    @Test
    void runsFromAprilToMarchAndIsNamedInReiwa() {
        FiscalYear r6 = new FiscalYear(2024);
        assertThat(r6.label()).isEqualTo("令和6年度");
        assertThat(new FiscalYear(2019).label()).isEqualTo("令和元年度");
        assertThat(new FiscalYear(2018).label()).isEqualTo("平成30年度");
        assertThat(r6.contains(LocalDate.of(2025, 3, 31))).isTrue();
        assertThat(r6.contains(LocalDate.of(2025, 4, 1))).isFalse();
        assertThat(FiscalYear.of(LocalDate.of(2025, 1, 14))).as("a January date belongs to the year before").isEqualTo(r6);
        assertThat(FiscalYear.of(LocalDate.of(2024, 4, 1))).isEqualTo(r6);
        assertThatThrownBy(() -> new FiscalYear(1999)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fuzzyPeriodsReadAsTheSchedulesWriteThem() {
        assertThat(new PlannedPeriod(2024, 9, PeriodPart.MID).label()).isEqualTo("9月中旬");
        assertThat(new PlannedPeriod(2024, 10, PeriodPart.LATE).latestDay()).isEqualTo(LocalDate.of(2024, 10, 31));
        assertThat(new PlannedPeriod(2024, 9, PeriodPart.EARLY).latestDay()).isEqualTo(LocalDate.of(2024, 9, 10));
        assertThat(new PlannedPeriod(2025, 2, PeriodPart.LATE).earliestDay()).isEqualTo(LocalDate.of(2025, 2, 21));
        assertThat(new PlannedPeriod(2025, 2, PeriodPart.UNDECIDED).label()).isEqualTo("時期未定");
        assertThatThrownBy(() -> new PlannedPeriod(2025, 13, PeriodPart.MID)).isInstanceOf(IllegalArgumentException.class);
    }
}
