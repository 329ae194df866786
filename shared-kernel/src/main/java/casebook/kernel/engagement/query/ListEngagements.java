package casebook.kernel.engagement.query;

import casebook.kernel.engagement.EngagementStatus;
import casebook.kernel.engagement.Programme;

/** Engagements as {@link EngagementSummary} rows; a null criterion does not filter. */
public record ListEngagements(String bureau, Integer fiscalYear, Programme programme, EngagementStatus status) {
}
