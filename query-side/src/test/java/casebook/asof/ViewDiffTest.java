package casebook.asof;

import static org.assertj.core.api.Assertions.assertThat;

import casebook.kernel.audit.asof.FieldChange;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViewDiffTest {

    record Item(String key, LocalDate on, List<String> tags) {
    }

    record View(String id, LocalTime start, List<Item> items, long version, java.time.Instant lastRecordedAt) {
    }

    @Test
    void nestedFieldsAndListElementsByIndexDatesAsText() {
        View before = new View("a", LocalTime.of(13, 30), List.of(new Item("x", LocalDate.of(2024, 8, 5), List.of("p"))),
                3, java.time.Instant.EPOCH);
        View after = new View("a", LocalTime.of(14, 0), List.of(new Item("x", LocalDate.of(2024, 8, 6), List.of("p", "q")),
                new Item("y", null, null)), 4, java.time.Instant.now());

        assertThat(ViewDiff.diff(before, after)).containsExactly(
                new FieldChange("start", "13:30", "14:00"),
                new FieldChange("items[0].on", "2024-08-05", "2024-08-06"),
                new FieldChange("items[0].tags[1]", null, "q"),
                new FieldChange("items[1].key", null, "y"));
    }

    @Test
    void nothingChangedNullAndAbsentAndEmptyAreAlike() {
        View v = new View("a", null, List.of(), 1, null);
        assertThat(ViewDiff.diff(v, new View("a", null, null, 2, null))).isEmpty();
        assertThat(ViewDiff.diff(null, null)).isEmpty();
        assertThat(ViewDiff.diff(null, v)).containsExactly(new FieldChange("id", null, "a"));
        assertThat(ViewDiff.diff(v, null)).containsExactly(new FieldChange("id", "a", null));
    }
}
