package casebook.kernel.engagement.command;

import casebook.kernel.engagement.Theme;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the engagement's support themes (支援テーマ). */
public record UpdateThemes(@TargetAggregateIdentifier String engagementId, List<Theme> themes, String reason, LocalDate occurredOn) {
}
