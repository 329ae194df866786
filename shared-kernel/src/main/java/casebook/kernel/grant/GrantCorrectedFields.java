package casebook.kernel.grant;

import java.time.LocalDate;

/** What a correction of a recorded step may change; null means unchanged. */
public record GrantCorrectedFields(LocalDate on, Long amount, String noticeNo, String note) {

    public boolean isEmpty() {
        return on == null && amount == null && noticeNo == null && note == null;
    }
}
