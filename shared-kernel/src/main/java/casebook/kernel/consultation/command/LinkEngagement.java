package casebook.kernel.consultation.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Links the consultation to a support engagement (伴走支援案件), e.g. one on 上限超過の改善. */
public record LinkEngagement(@TargetAggregateIdentifier String consultationId, String engagementId, LocalDate occurredOn) {
}
