package casebook.web.audit;

import casebook.backup.EventLogFormat;
import casebook.eventstore.MongoEventStorageEngine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Schedulers;

/** The whole event log for backup (ADMIN), streamed as NDJSON; restore it with the import command (README). */
@RestController
@Tag(name = "Audit")
class ExportController {

    private static final Logger log = LoggerFactory.getLogger(ExportController.class);

    private final MongoEventStorageEngine eventStore;

    ExportController(MongoEventStorageEngine eventStore) {
        this.eventStore = eventStore;
    }

    @GetMapping(value = "/api/exports/events.ndjson", produces = "application/x-ndjson")
    @Operation(summary = "Export every stored event and case-head digest as NDJSON, streamed (backup); progress in the log")
    Flux<String> events() {
        return Flux.<String>create(sink -> write(sink), FluxSink.OverflowStrategy.BUFFER)
                .subscribeOn(Schedulers.boundedElastic());
    }

    private void write(FluxSink<String> sink) {
        long start = System.nanoTime();
        long[] count = {0};
        try {
            sink.next(EventLogFormat.header() + "\n");
            eventStore.exportLog(doc -> {
                sink.next(EventLogFormat.event(doc) + "\n");
                if (++count[0] % 10_000 == 0) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    log.info("export: {} events, {} events/s", count[0], Math.round(count[0] / seconds));
                }
            }, digest -> sink.next(EventLogFormat.digest(digest) + "\n"));
            log.info("export done: {} events in {} s", count[0], Math.round((System.nanoTime() - start) / 1e9));
            sink.complete();
        } catch (RuntimeException e) {
            sink.error(e);
        }
    }
}
