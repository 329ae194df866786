package casebook.kernel.engagement.query;

import java.time.LocalDate;

/** An advisor of the support team; unassigned advisors stay listed with {@code active} false. */
public record AdvisorView(String advisorId, String name, String affiliation, String title, LocalDate assignedOn,
                          boolean active, LocalDate unassignedOn, String reason) {
}
