package casebook.operations;

import casebook.kernel.StateConflict;
import casebook.security.Actor;
import casebook.web.CommandDispatcher;
import casebook.web.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The administrator's long operations (ADMIN only, docs/SECURITY.md): list them with their progress, and start a
 * projection rebuild or a whole-store verification. Starting answers 202 at once with the operation; its progress
 * is then in the list and in the log.
 */
@RestController
@Tag(name = "Administration")
class OperationsController {

    private final Operations operations;
    private final ProjectionRebuild rebuild;
    private final StoreVerification verification;
    private final OnlineImport onlineImport;
    private final long maxImportBytes;

    OperationsController(Operations operations, ProjectionRebuild rebuild, StoreVerification verification,
                         OnlineImport onlineImport, @Value("${casebook.import.max-size:8GB}") DataSize maxImportSize) {
        this.operations = operations;
        this.rebuild = rebuild;
        this.verification = verification;
        this.onlineImport = onlineImport;
        this.maxImportBytes = maxImportSize.toBytes();
    }

    @GetMapping("/api/admin/operations")
    @Operation(summary = "Long operations of this instance, running and recent, newest first: state, processed of total, "
            + "rate per second, seconds left, start and end, error, result")
    List<OperationProgress.View> list() {
        return operations.list();
    }

    @PostMapping("/api/admin/operations/rebuild/{processingGroup}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild a projection (casebook.progress, casebook.grantwork, casebook.inquiries, casebook.audittrail): "
            + "empty its read model and replay every event; 404 for an unknown processing group, 409 if it is being rebuilt")
    Mono<OperationProgress.View> rebuild(@PathVariable String processingGroup) {
        return actor().publishOn(Schedulers.boundedElastic()).map(actor -> {
            try {
                return rebuild.start(processingGroup, actor).orElseThrow(() -> new NotFound("processing group " + processingGroup))
                        .view();
            } catch (IllegalStateException | IllegalArgumentException e) {
                throw new StateConflict(e.getMessage());
            }
        });
    }

    @PostMapping("/api/admin/operations/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild every read model at once: the four projection processors stop, are reset, and the log is "
            + "replayed once through one processor holding all their handlers, whose position they then take over (ADR 0021); "
            + "409 if a rebuild is running; the operation fails, changing nothing, if another instance holds their segments")
    Mono<OperationProgress.View> rebuildAll() {
        return actor().publishOn(Schedulers.boundedElastic()).map(actor -> {
            try {
                return rebuild.startAll(actor).view();
            } catch (IllegalStateException | IllegalArgumentException e) {
                throw new StateConflict(e.getMessage());
            }
        });
    }

    @PostMapping("/api/admin/operations/verify")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Verify every hash chain and case-head digest of the store in the background (as GET /api/audit/verify "
            + "without caseId); the report is the operation's result; 409 if one is running")
    Mono<OperationProgress.View> verify() {
        return actor().publishOn(Schedulers.boundedElastic()).map(actor -> verification.start(actor)
                .orElseThrow(() -> new StateConflict("a whole-store verification is already running")).view());
    }

    @PostMapping("/api/admin/operations/import")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Import an exported event log (the body: GET /api/exports/events.ndjson's NDJSON) into this "
            + "Casebook, whose store must hold no events (409 otherwise); commands answer 503 until it has finished")
    Mono<OperationProgress.View> importLog(ServerHttpRequest request) {
        return actor().publishOn(Schedulers.boundedElastic()).flatMap(actor -> {
            try {
                onlineImport.checkPossible();
            } catch (IllegalStateException e) {
                return Mono.error(new StateConflict(e.getMessage()));
            }
            Path upload;
            try {
                upload = Files.createTempFile("casebook-import-", ".ndjson");
            } catch (IOException e) {
                return Mono.error(new UncheckedIOException(e));
            }
            AtomicLong received = new AtomicLong();
            // Streamed to a file, never held in memory: an export of a national store is gigabytes.
            Flux<DataBuffer> body = request.getBody().doOnNext(buffer -> {
                if (received.addAndGet(buffer.readableByteCount()) > maxImportBytes) {
                    throw new DataBufferLimitException("the import is larger than casebook.import.max-size");
                }
            });
            return DataBufferUtils.write(body, upload).publishOn(Schedulers.boundedElastic())
                    .then(Mono.fromCallable(() -> {
                        try {
                            return onlineImport.start(upload, "upload (" + received.get() + " bytes)", actor).view();
                        } catch (IllegalStateException e) {
                            throw new StateConflict(e.getMessage());
                        }
                    }))
                    .doOnError(e -> {
                        try {
                            Files.deleteIfExists(upload);
                        } catch (IOException ignored) {
                            // a temporary file
                        }
                    });
        });
    }

    private static Mono<String> actor() {
        return CommandDispatcher.currentActor().map(Actor::name);
    }
}
