package casebook.kernel.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Business dates are Japanese dates: "today" is today in Asia/Tokyo, wherever the server runs. */
public final class BusinessCalendar {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private BusinessCalendar() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(TOKYO));
    }
}
