package casebook.web.audit;

import casebook.backup.EventLogFormat;
import casebook.eventstore.MongoEventStorageEngine;
import casebook.operations.OperationProgress;
import casebook.operations.Operations;
import casebook.security.Actor;
import casebook.web.CommandDispatcher;
import java.util.concurrent.CancellationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Schedulers;

/**
 * The whole event log for backup (ADMIN), streamed as NDJSON; restore it with the import command (README). Listed
 * with its progress at /api/admin/operations while it runs.
 */
@RestController
@Tag(name = "Audit")
class ExportController {

    private final MongoEventStorageEngine eventStore;
    private final Operations operations;

    ExportController(MongoEventStorageEngine eventStore, Operations operations) {
        this.eventStore = eventStore;
        this.operations = operations;
    }

    @GetMapping(value = "/api/exports/events.ndjson", produces = "application/x-ndjson")
    @Operation(summary = "Export every stored event and case-head digest as NDJSON, streamed (backup); progress in the log")
    Flux<String> events() {
        return CommandDispatcher.currentActor().map(Actor::name).defaultIfEmpty("?")
                .flatMapMany(actor -> Flux.<String>create(sink -> write(sink, actor), FluxSink.OverflowStrategy.BUFFER)
                        .subscribeOn(Schedulers.boundedElastic()));
    }

    private void write(FluxSink<String> sink, String actor) {
        // Progress against the head of the log: every number up to it is an event or a tombstone, both exported.
        OperationProgress op = operations.begin("export", null, actor, eventStore.head());
        long[] count = {0};
        try {
            sink.next(EventLogFormat.header() + "\n");
            eventStore.exportLog(doc -> {
                if (sink.isCancelled()) {
                    throw new CancellationException("the client closed the connection");
                }
                sink.next(EventLogFormat.event(doc) + "\n");
                if (++count[0] % 1_000 == 0) {
                    op.advanceTo(count[0]);
                }
            }, digest -> sink.next(EventLogFormat.digest(digest) + "\n"));
            op.advanceTo(count[0]);
            op.succeed(null);
            sink.complete();
        } catch (RuntimeException e) {
            op.fail(e);
            sink.error(e);
        }
    }
}
