package casebook.kernel.engagement.query;

import java.time.LocalDate;

/** A homework item inside the engagement detail; {@code dueBefore} is a milestone key (1.5mtgまでに). */
public record HomeworkItemView(String itemId, String description, String owner, String dueBefore, LocalDate dueOn,
                               HomeworkStatus status, LocalDate addedOn, LocalDate completedOn, String note,
                               String reason) {
}
