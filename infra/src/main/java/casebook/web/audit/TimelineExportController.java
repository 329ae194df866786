package casebook.web.audit;

import casebook.kernel.audit.query.CaseTimeline;
import casebook.kernel.audit.query.TimelineEntry;
import casebook.web.NotFound;
import casebook.web.QueryRunner;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A case's timeline for auditors' own tools: CSV that Excel opens in Japanese, and JSON Lines. */
@RestController
@Tag(name = "Audit")
class TimelineExportController {

    /** Excel reads UTF-8 CSV as Shift_JIS unless the file starts with a byte-order mark. */
    private static final String BOM = "\uFEFF";
    private static final List<String> COLUMNS = List.of("seq", "type", "typeLabel", "occurredOn", "recordedAt", "actor",
            "actorRole", "correlationId", "lateEntry", "correctedBy", "prevHash", "hash", "payload");

    private final QueryRunner queries;
    private final ObjectMapper json;

    TimelineExportController(QueryRunner queries, ObjectMapper json) {
        this.queries = queries;
        this.json = json;
    }

    private Mono<List<TimelineEntry>> timeline(String caseId) {
        return queries.list(new CaseTimeline(caseId), TimelineEntry.class).filter(l -> !l.isEmpty())
                .switchIfEmpty(Mono.error(new NotFound("case " + caseId)));
    }

    @GetMapping("/api/exports/timeline.csv")
    @Operation(summary = "The timeline of a case as CSV (UTF-8 with BOM, for Excel)")
    Mono<ResponseEntity<byte[]>> csv(@RequestParam String caseId) {
        return timeline(caseId).map(entries -> {
            StringBuilder b = new StringBuilder(BOM).append(String.join(",", COLUMNS)).append("\r\n");
            for (TimelineEntry e : entries) {
                b.append(String.join(",", List.of(String.valueOf(e.seq()), cell(e.type()), cell(e.typeLabel()),
                        cell(e.occurredOn()), cell(e.recordedAt()), cell(e.actor()), cell(e.actorRole()), cell(e.correlationId()),
                        String.valueOf(e.lateEntry()), cell(e.correctedBy() == null ? "" : e.correctedBy().stream()
                                .map(String::valueOf).collect(Collectors.joining(" "))), cell(e.prevHash()), cell(e.hash()),
                        cell(toJson(e.payload())))))
                        .append("\r\n");
            }
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("timeline-" + caseId + ".csv").build().toString())
                    .body(b.toString().getBytes(StandardCharsets.UTF_8));
        });
    }

    @GetMapping(value = "/api/exports/timeline.jsonl")
    @Operation(summary = "The timeline of a case as JSON Lines, one event per line")
    Mono<ResponseEntity<String>> jsonLines(@RequestParam String caseId) {
        return timeline(caseId).map(entries -> ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/jsonl; charset=UTF-8"))
                .body(entries.stream().map(this::toJson).collect(Collectors.joining("\n", "", "\n"))));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4180: quote every text cell, doubling quotes inside. */
    private static String cell(Object value) {
        return value == null ? "" : "\"" + value.toString().replace("\"", "\"\"") + "\"";
    }
}
