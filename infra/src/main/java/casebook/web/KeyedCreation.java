package casebook.web;

import casebook.kernel.StateConflict;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Creates a case under its business key: claim the key, send the creating command, free the key if it fails. */
@Component
public class KeyedCreation {

    private final CommandDispatcher dispatcher;
    private final BusinessKeys keys;

    public KeyedCreation(CommandDispatcher dispatcher, BusinessKeys keys) {
        this.dispatcher = dispatcher;
        this.keys = keys;
    }

    /**
     * @param field    the request field to name when the key is taken
     * @param taken    what to tell the client then (the existing case id is appended)
     * @param localGovernmentCode the municipality or prefecture the case is for: its bureau must be the user's
     */
    public Mono<CommandResult> create(String key, String caseId, Object command, ServerWebExchange exchange,
                                      String field, String taken, String localGovernmentCode) {
        return OwnBureau.check(localGovernmentCode).then(Mono.fromCallable(() -> keys.claim(key, caseId)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(existing -> existing.isPresent()
                        ? Mono.error(new StateConflict(field, taken + ": " + existing.get()))
                        : dispatcher.send(command, caseId, exchange)
                                .onErrorResume(e -> Mono.fromRunnable(() -> keys.release(key, caseId))
                                        .subscribeOn(Schedulers.boundedElastic()).then(Mono.error(e)))));
    }
}
