package casebook.kernel.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RetentionTest {

    private final Retention grants = new Retention(CaseType.GRANT_CASE, "補助金等の交付に関する文書", 5);

    @Test
    void countsFromTheFirstOfAprilAfterTheFiscalYearOfClosing() {
        // Closed in FY2025 (July 2025 or February 2026 alike): kept 2026-04-01 … 2031-03-31.
        assertThat(grants.startsOn(LocalDate.of(2025, 7, 10))).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(grants.retainUntil(LocalDate.of(2025, 7, 10))).isEqualTo(LocalDate.of(2031, 3, 31));
        assertThat(grants.retainUntil(LocalDate.of(2026, 2, 27))).isEqualTo(LocalDate.of(2031, 3, 31));
        assertThat(grants.retainUntil(LocalDate.of(2026, 4, 1))).isEqualTo(LocalDate.of(2032, 3, 31));
    }

    @Test
    void grantRecordsAreKeptAtLeastFiveYears() {
        assertThatThrownBy(() -> new Retention(CaseType.GRANT_CASE, "x", 3)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Retention(CaseType.INQUIRY, "照会", 3).years()).isEqualTo(3);
    }
}
