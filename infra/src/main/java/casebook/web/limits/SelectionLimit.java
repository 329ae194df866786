package casebook.web.limits;

import casebook.kernel.engagement.EngagementType;
import casebook.kernel.engagement.Programme;

/**
 * A per-bureau limit on selected engagements, e.g. 加速化 FY2025: 2 bureau-led, 1 prefecture-led
 * ([002 L2504-2518]). Limits warn and are shown; they never block a selection (DOMAIN.md §8.1).
 */
public record SelectionLimit(Programme programme, int fiscalYear, EngagementType engagementType, int perBureau) {
}
