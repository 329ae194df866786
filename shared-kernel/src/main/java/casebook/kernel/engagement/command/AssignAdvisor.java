package casebook.kernel.engagement.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Assigns an advisor (アドバイザー) with a snapshot of their affiliation. */
public record AssignAdvisor(@TargetAggregateIdentifier String engagementId, String advisorId, String name, String affiliation, String title, LocalDate assignedOn) {
}
