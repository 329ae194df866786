package casebook.web.engagement;

import casebook.kernel.engagement.Theme;
import casebook.kernel.engagement.command.RegisterEngagement;
import casebook.web.BusinessKeys;
import casebook.web.CommandResult;
import casebook.web.KeyedCreation;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Registers an engagement under its business key, so a municipality is not registered twice a year. */
@Component
class EngagementRegistration {

    private final KeyedCreation creation;

    EngagementRegistration(KeyedCreation creation) {
        this.creation = creation;
    }

    Mono<CommandResult> register(EngagementRequests.Register body, List<Theme> themes, LocalDate today, ServerWebExchange exchange) {
        String id = UUID.randomUUID().toString();
        RegisterEngagement command = new RegisterEngagement(id, body.programme(), body.engagementType(), body.fiscalYear(),
                body.municipalityCode(), themes, body.applicationBackground(), today);
        return creation.create(BusinessKeys.engagement(body.programme(), body.fiscalYear(), body.municipalityCode()), id, command,
                exchange, "municipalityCode", "this municipality already has an engagement of this programme in this fiscal year",
                body.municipalityCode());
    }
}
