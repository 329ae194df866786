package casebook.kernel.engagement;

import casebook.kernel.time.PlannedPeriod;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The fields a correction may change. Null means "unchanged"; which fields apply depends on the type of
 * the corrected event (see the aggregate's correction rules).
 */
public record CorrectedFields(
        LocalDate heldOn, LocalDate plannedOn, PlannedPeriod plannedPeriod, LocalTime startTime, LocalTime endTime,
        MeetingMode mode, String place, String summary, List<String> agenda, List<ParticipantGroup> participants,
        LocalDate decidedOn, String text, String description, String owner, LocalDate dueOn,
        LocalDate completedOn, String note, LocalDate selectedOn, String applicationBackground,
        String name, String affiliation, String title) {

    /** A correction that changes no field: it records only that the event was wrong, and why (the reason). */
    public static CorrectedFields none() {
        return new CorrectedFields(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    /** The names of the fields this correction sets. */
    public List<String> present() {
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        for (var c : CorrectedFields.class.getRecordComponents()) {
            try {
                if (c.getAccessor().invoke(this) != null) {
                    names.add(c.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return names;
    }
}
