package casebook.kernel.grant.command;

import casebook.kernel.grant.GrantType;
import casebook.kernel.grant.Recipient;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens the case of one grant for one recipient and target fiscal year (交付案件). The bureau follows from the recipient. */
public record OpenGrantCase(@TargetAggregateIdentifier String grantCaseId, GrantType grantType, Recipient recipient,
                            int targetFiscalYear, LocalDate occurredOn) {
}
