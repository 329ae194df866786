package casebook.web;

import casebook.kernel.reference.ReferenceData;
import casebook.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * A scoped user opens cases for their own bureau only: the bureau follows from the local government named in
 * the request. An unknown code passes here and is refused by the aggregate with the field named.
 */
public final class OwnBureau {

    private OwnBureau() {
    }

    public static Mono<Void> check(String localGovernmentCode) {
        return CommandDispatcher.currentActor().flatMap(actor -> {
            if (Actor.ALL_BUREAUS.equals(actor.bureau())) {
                return Mono.empty();
            }
            var bureau = ReferenceData.get().find(localGovernmentCode).map(lg -> ReferenceData.get().bureauOf(lg).code());
            if (bureau.isPresent() && !bureau.get().equals(actor.bureau())) {
                return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN,
                        "this case belongs to " + bureau.get() + ", not to your bureau (" + actor.bureau() + ")"));
            }
            return Mono.empty();
        }).then();
    }
}
