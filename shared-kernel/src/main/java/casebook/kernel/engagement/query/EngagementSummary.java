package casebook.kernel.engagement.query;

import casebook.kernel.engagement.EngagementStatus;
import casebook.kernel.engagement.EngagementType;
import casebook.kernel.engagement.Programme;
import java.util.List;
import java.util.Map;

/**
 * One row of the engagement list, which also carries the matrix cells (by milestone key) and open homework.
 * {@code id} is what CONTRACT.md names the list's identifier (like every case's {@code id}); {@code engagementId}
 * is the same value under the name the matrix rows use, kept so that either reads the same.
 */
public record EngagementSummary(
        String id, String engagementId, String bureauCode, int fiscalYear, String municipalityCode,
        String municipalityName, Programme programme, EngagementType engagementType, EngagementStatus status,
        String statusLabel, NextMilestone nextMilestone, Map<String, MatrixCell> cells, List<HomeworkView> openHomework) {

    /** Rows stored before {@code id} existed have only {@code engagementId}. */
    public EngagementSummary {
        id = id != null ? id : engagementId;
        engagementId = engagementId != null ? engagementId : id;
    }

    public EngagementSummary(String engagementId, String bureauCode, int fiscalYear, String municipalityCode,
                             String municipalityName, Programme programme, EngagementType engagementType,
                             EngagementStatus status, String statusLabel, NextMilestone nextMilestone,
                             Map<String, MatrixCell> cells, List<HomeworkView> openHomework) {
        this(engagementId, engagementId, bureauCode, fiscalYear, municipalityCode, municipalityName, programme,
                engagementType, status, statusLabel, nextMilestone, cells, openHomework);
    }
}
