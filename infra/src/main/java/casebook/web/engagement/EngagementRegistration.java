package casebook.web.engagement;

import casebook.kernel.StateConflict;
import casebook.kernel.engagement.Theme;
import casebook.kernel.engagement.command.RegisterEngagement;
import casebook.web.CommandDispatcher;
import casebook.web.CommandResult;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Registers an engagement under its business key, so a municipality is not registered twice a year. */
@Component
class EngagementRegistration {

    private final CommandDispatcher dispatcher;
    private final EngagementKeys keys;

    EngagementRegistration(CommandDispatcher dispatcher, EngagementKeys keys) {
        this.dispatcher = dispatcher;
        this.keys = keys;
    }

    Mono<CommandResult> register(EngagementRequests.Register body, List<Theme> themes, LocalDate today, ServerWebExchange exchange) {
        String id = UUID.randomUUID().toString();
        String key = EngagementKeys.key(body.programme(), body.fiscalYear(), body.municipalityCode());
        RegisterEngagement command = new RegisterEngagement(id, body.programme(), body.engagementType(), body.fiscalYear(),
                body.municipalityCode(), themes, body.applicationBackground(), today);
        return Mono.fromCallable(() -> keys.claim(key, id)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(existing -> existing.isPresent()
                        ? Mono.error(new StateConflict("municipalityCode", "this municipality already has an engagement of "
                                + "this programme in this fiscal year: " + existing.get()))
                        : dispatcher.send(command, id, exchange)
                                .onErrorResume(e -> Mono.fromRunnable(() -> keys.release(key, id))
                                        .subscribeOn(Schedulers.boundedElastic()).then(Mono.error(e))));
    }
}
