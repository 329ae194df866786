package casebook.kernel.engagement.query;

import casebook.kernel.engagement.EngagementStatus;
import casebook.kernel.engagement.EngagementType;
import casebook.kernel.engagement.Programme;
import casebook.kernel.engagement.SelectedBy;
import casebook.kernel.engagement.Theme;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The detail of one engagement as the progress read model holds it. {@code version} is the sequence number
 * of the last event applied (the ETag); {@code endedOn}/{@code endReason} describe 終了, 不選定 or 辞退.
 */
public record EngagementView(
        String id, Programme programme, String programmeLabel, EngagementType engagementType,
        int fiscalYear, String fiscalYearLabel,
        String municipalityCode, String municipalityName, String prefectureCode, String bureauCode,
        List<Theme> themes, String applicationBackground,
        EngagementStatus status, String statusLabel,
        LocalDate entryReceivedOn, LocalDate selectedOn, SelectedBy selectedBy,
        LocalDate endedOn, String endReason, String outcomeSummary,
        List<MilestoneView> milestones, List<AdvisorView> advisors, List<FindingView> findings,
        List<DecisionView> decisions, List<HomeworkItemView> homework, List<OutputView> outputs,
        NextMilestone nextMilestone, long version, Instant lastRecordedAt) {
}
