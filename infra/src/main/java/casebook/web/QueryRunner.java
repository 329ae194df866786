package casebook.web;

import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Asks the query side through Axon's query bus, off the event loop (the handlers use the blocking driver). */
@Component
public class QueryRunner {

    private final QueryGateway queryGateway;

    public QueryRunner(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    public <R> Mono<R> one(Object query, Class<R> type) {
        return Mono.fromCallable(() -> queryGateway.query(query, ResponseTypes.instanceOf(type)).join())
                   .subscribeOn(Schedulers.boundedElastic());
    }

    public <R> Mono<List<R>> list(Object query, Class<R> type) {
        return Mono.fromCallable(() -> queryGateway.query(query, ResponseTypes.multipleInstancesOf(type)).join())
                   .subscribeOn(Schedulers.boundedElastic());
    }
}
