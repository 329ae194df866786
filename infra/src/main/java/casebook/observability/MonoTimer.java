package casebook.observability;

import casebook.kernel.DomainRejection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;

/**
 * Times a reactive request from subscription to its end, tagged with the outcome: {@code ok}, {@code not_found},
 * {@code invalid}, {@code error} or {@code cancelled} (the client went away).
 */
public final class MonoTimer {

    private MonoTimer() {
    }

    public static <T> Mono<T> time(Mono<T> work, MeterRegistry meters, String name, String description, Tags tags) {
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start(meters);
            AtomicReference<String> outcome = new AtomicReference<>("cancelled");
            return work.doOnSuccess(v -> outcome.set(v == null ? "not_found" : "ok"))
                    .doOnError(e -> outcome.set(outcomeOf(e)))
                    .doFinally(signal -> sample.stop(Timer.builder(name).description(description).tags(tags)
                            .tag("outcome", outcome.get()).register(meters)));
        });
    }

    private static String outcomeOf(Throwable e) {
        if (e instanceof DomainRejection r) {
            return switch (r.kind()) {
                case NOT_FOUND -> "not_found";
                case INVALID_INPUT -> "invalid";
                case CONFLICT -> "conflict";
                case FORBIDDEN -> "forbidden";
            };
        }
        return "error";
    }
}
