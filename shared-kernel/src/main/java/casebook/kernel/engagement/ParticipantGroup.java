package casebook.kernel.engagement;

/** Who attended a milestone: an organisation (and department, role) with its head-count. */
public record ParticipantGroup(String organisation, String department, String role, Integer headcount) {
}
