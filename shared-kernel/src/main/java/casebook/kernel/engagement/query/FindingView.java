package casebook.kernel.engagement.query;

import java.time.LocalDate;

/** A finding (気づき), optionally tied to a milestone. */
public record FindingView(String findingId, String milestone, String text, LocalDate recordedOn) {
}
