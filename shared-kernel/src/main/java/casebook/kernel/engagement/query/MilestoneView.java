package casebook.kernel.engagement.query;

import casebook.kernel.engagement.MeetingMode;
import casebook.kernel.engagement.MilestoneStatus;
import casebook.kernel.engagement.ParticipantGroup;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** One milestone of an engagement, planned and actual; times are the held ones once held. */
public record MilestoneView(
        String key, String label, MilestoneStatus status,
        LocalDate plannedOn, PeriodView plannedPeriod, LocalDate heldOn, LocalTime startTime, LocalTime endTime,
        MeetingMode mode, String place, List<ParticipantGroup> participants, Integer totalHeadcount,
        List<String> agenda, String summary, String reason) {
}
