package casebook.progress;

import casebook.kernel.engagement.EngagementStatus;
import casebook.kernel.engagement.EngagementType;
import casebook.kernel.engagement.MeetingMode;
import casebook.kernel.engagement.MilestoneStatus;
import casebook.kernel.engagement.ParticipantGroup;
import casebook.kernel.engagement.Programme;
import casebook.kernel.engagement.SelectedBy;
import casebook.kernel.engagement.Theme;
import casebook.kernel.engagement.query.AdvisorView;
import casebook.kernel.engagement.query.DecisionView;
import casebook.kernel.engagement.query.EngagementView;
import casebook.kernel.engagement.query.FindingView;
import casebook.kernel.engagement.query.HomeworkStatus;
import casebook.kernel.engagement.query.NextMilestone;
import casebook.kernel.engagement.query.OutputView;
import casebook.kernel.engagement.query.PeriodView;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mutable twin of {@link EngagementView}, with the same field names, so that an event is applied in memory
 * and the result stored as the view in one write. Parts that only ever get replaced are the view records.
 */
final class Engagement {
    public String id;
    public Programme programme;
    public String programmeLabel;
    public EngagementType engagementType;
    public int fiscalYear;
    public String fiscalYearLabel;
    public String municipalityCode;
    public String municipalityName;
    public String prefectureCode;
    public String bureauCode;
    public List<Theme> themes = new ArrayList<>();
    public String applicationBackground;
    public EngagementStatus status;
    public String statusLabel;
    public LocalDate entryReceivedOn;
    public LocalDate selectedOn;
    public SelectedBy selectedBy;
    public LocalDate endedOn;
    public String endReason;
    public String outcomeSummary;
    public List<Milestone> milestones = new ArrayList<>();
    public List<AdvisorView> advisors = new ArrayList<>();
    public List<FindingView> findings = new ArrayList<>();
    public List<DecisionView> decisions = new ArrayList<>();
    public List<HomeworkItem> homework = new ArrayList<>();
    public List<OutputView> outputs = new ArrayList<>();
    public NextMilestone nextMilestone;
    public long version;
    public Instant lastRecordedAt;

    Optional<Milestone> milestone(String key) {
        return milestones.stream().filter(m -> m.key.equals(key)).findFirst();
    }

    Optional<HomeworkItem> homeworkItem(String itemId) {
        return homework.stream().filter(h -> h.itemId.equals(itemId)).findFirst();
    }

    /** Mirrors {@link casebook.kernel.engagement.query.MilestoneView}. */
    static final class Milestone {
        public String key;
        public String label;
        public MilestoneStatus status = MilestoneStatus.NOT_PLANNED;
        public LocalDate plannedOn;
        public PeriodView plannedPeriod;
        public LocalDate heldOn;
        public LocalTime startTime;
        public LocalTime endTime;
        public MeetingMode mode;
        public String place;
        public List<ParticipantGroup> participants;
        public Integer totalHeadcount;
        public List<String> agenda;
        public String summary;
        public String reason;
    }

    /** Mirrors {@link casebook.kernel.engagement.query.HomeworkItemView}. */
    static final class HomeworkItem {
        public String itemId;
        public String description;
        public String owner;
        public String dueBefore;
        public LocalDate dueOn;
        public HomeworkStatus status = HomeworkStatus.OPEN;
        public LocalDate addedOn;
        public LocalDate completedOn;
        public String note;
        public String reason;
    }
}
