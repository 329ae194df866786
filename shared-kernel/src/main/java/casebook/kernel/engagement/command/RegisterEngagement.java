package casebook.kernel.engagement.command;

import casebook.kernel.engagement.EngagementType;
import casebook.kernel.engagement.Programme;
import casebook.kernel.engagement.Theme;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a candidate engagement (候補登録). The bureau follows from the municipality. */
public record RegisterEngagement(@TargetAggregateIdentifier String engagementId, Programme programme, EngagementType engagementType, int fiscalYear, String municipalityCode, List<Theme> themes, String applicationBackground, LocalDate occurredOn) {
}
