package casebook.kernel.engagement.command;

import casebook.kernel.engagement.MeetingMode;
import casebook.kernel.engagement.ParticipantGroup;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that a milestone was held (実施), with who came and what was discussed. */
public record RecordMilestoneHeld(@TargetAggregateIdentifier String engagementId, String milestone, LocalDate heldOn, LocalTime startTime, LocalTime endTime, MeetingMode mode, String place, List<ParticipantGroup> participants, List<String> agenda, String summary) {
}
