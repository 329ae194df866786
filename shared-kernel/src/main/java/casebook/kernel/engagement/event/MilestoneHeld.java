package casebook.kernel.engagement.event;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.engagement.MeetingMode;
import casebook.kernel.engagement.ParticipantGroup;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** A milestone was held (実施). */
public record MilestoneHeld(String engagementId, String milestone, LocalDate heldOn, LocalTime startTime, LocalTime endTime, MeetingMode mode, String place, List<ParticipantGroup> participants, int totalHeadcount, List<String> agenda, String summary, LocalDate occurredOn) implements CaseEvent {

    @Override
    public String caseId() {
        return engagementId;
    }
}
