package casebook.kernel.grant;

import java.time.LocalDate;

/** What a correction of a recorded step may change; null means unchanged. */
public record GrantCorrectedFields(LocalDate on, Long amount, String noticeNo, String note) {

    /** A correction that changes nothing: it marks the step as recorded wrongly, the reason saying how (ADR 0015). */
    public static GrantCorrectedFields none() {
        return new GrantCorrectedFields(null, null, null, null);
    }
}
