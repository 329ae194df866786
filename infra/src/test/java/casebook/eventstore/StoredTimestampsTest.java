package casebook.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

/** Stored timestamps read digit by digit give what Axon's parser gives, for every form it accepts. */
class StoredTimestampsTest {

    @Test
    void everyInstantAsStoredReadsBackExactly() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-2_000_000_000L, 8_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            String stored = instant.toString();
            assertThat(StoredTimestamps.parse(stored)).as(stored).isEqualTo(instant)
                    .isEqualTo(DateTimeUtils.parseInstant(stored));
        }
        for (String edge : new String[] {"2024-02-29T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "2000-12-31T00:00:00.5Z",
                "1969-12-31T23:59:59.1234Z"}) {
            assertThat(StoredTimestamps.parse(edge)).as(edge).isEqualTo(DateTimeUtils.parseInstant(edge));
        }
    }

    @Test
    void otherFormsGoToAxonsParserAndFailAsThere() {
        for (String other : new String[] {"2026-12-07T17:34:03.123+09:00", "2026-12-07T08:34Z", "2026-12-07t08:34:03z",
                "2026-12-07T08:34:03.1234567890Z"}) {
            boolean axonReads;
            try {
                DateTimeUtils.parseInstant(other);
                axonReads = true;
            } catch (DateTimeParseException e) {
                axonReads = false;
            }
            if (axonReads) {
                assertThat(StoredTimestamps.parse(other)).as(other).isEqualTo(DateTimeUtils.parseInstant(other));
            } else {
                assertThatThrownBy(() -> StoredTimestamps.parse(other)).as(other).isInstanceOf(DateTimeParseException.class);
            }
        }
        for (String invalid : new String[] {"2023-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-12-07T24:00:00Z",
                "2026-12-07T08:60:00Z", "20x6-12-07T08:34:03Z", ""}) {
            assertThatThrownBy(() -> StoredTimestamps.parse(invalid)).as(invalid).isInstanceOf(DateTimeParseException.class);
        }
    }
}
