package casebook.kernel.engagement.query;

import java.time.LocalDate;

/** An open homework item with the engagement it belongs to, for the open-homework list. */
public record HomeworkView(String engagementId, String municipalityCode, String municipalityName, String itemId,
                           String description, String owner, String dueBefore, String dueBeforeLabel,
                           LocalDate dueOn) {
}
