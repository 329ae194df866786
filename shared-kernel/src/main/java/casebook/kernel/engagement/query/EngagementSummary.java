package casebook.kernel.engagement.query;

import casebook.kernel.engagement.EngagementStatus;
import casebook.kernel.engagement.EngagementType;
import casebook.kernel.engagement.Programme;
import java.util.List;
import java.util.Map;

/** One row of the engagement list, which also carries the matrix cells (by milestone key) and open homework. */
public record EngagementSummary(
        String engagementId, String bureauCode, int fiscalYear, String municipalityCode, String municipalityName,
        Programme programme, EngagementType engagementType, EngagementStatus status, String statusLabel,
        NextMilestone nextMilestone, Map<String, MatrixCell> cells, List<HomeworkView> openHomework) {
}
