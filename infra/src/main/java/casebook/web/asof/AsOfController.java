package casebook.web.asof;

import casebook.kernel.InvalidInput;
import casebook.kernel.audit.asof.CaseState;
import casebook.kernel.audit.asof.CaseStateAsOf;
import casebook.kernel.audit.asof.CaseStep;
import casebook.kernel.audit.asof.CaseSteps;
import casebook.observability.MonoTimer;
import casebook.web.NotFound;
import casebook.web.QueryRunner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Time travel over any case: the case as the system knew it at an instant, or as it stood on a business date, and
 * the step-through of its events with what each changed. Rebuilt from the case's own events only; each answer is
 * timed as {@code casebook.asof} by query ({@code recorded}, {@code occurred}, {@code current}, {@code steps}) and
 * outcome, the figure behind docs/PERFORMANCE.md's as-of goal.
 */
@RestController
@Tag(name = "Audit")
class AsOfController {

    private static final String TIMER = "casebook.asof";
    private static final String TIMER_DESCRIPTION = "Reconstructing a case as of an instant or date, or its step-through";

    private final QueryRunner queries;
    private final MeterRegistry meters;

    AsOfController(QueryRunner queries, MeterRegistry meters) {
        this.queries = queries;
        this.meters = meters;
    }

    @GetMapping("/api/cases/{id}/state")
    @Operation(summary = "The case as it was known at an instant (asOfRecorded) or as it stood on a business date "
            + "(asOfOccurred, as known now); neither: now. state has the shape of the case's own view")
    Mono<CaseState> state(@PathVariable String id,
                          @Parameter(description = "ISO-8601 instant, e.g. 2025-03-31T09:00:00Z: events recorded up to then")
                          @RequestParam(required = false) String asOfRecorded,
                          @Parameter(description = "Business date yyyy-MM-dd: events that occurred on or before it")
                          @RequestParam(required = false) String asOfOccurred) {
        boolean recorded = asOfRecorded != null && !asOfRecorded.isBlank();
        boolean occurred = asOfOccurred != null && !asOfOccurred.isBlank();
        if (recorded && occurred) {
            throw new InvalidInput("asOfOccurred", "give either asOfRecorded or asOfOccurred, not both");
        }
        CaseStateAsOf query = new CaseStateAsOf(id, recorded ? instant(asOfRecorded) : null,
                occurred ? date(asOfOccurred) : null);
        String kind = recorded ? "recorded" : occurred ? "occurred" : "current";
        return MonoTimer.time(queries.one(query, CaseState.class).switchIfEmpty(Mono.error(new NotFound("case " + id))),
                meters, TIMER, TIMER_DESCRIPTION, Tags.of("query", kind));
    }

    @GetMapping("/api/cases/{id}/steps")
    @Operation(summary = "Step-through: every event of the case in order, flagged late entries and corrections, "
            + "with the fields of the case each changed (path, before, after)")
    Mono<List<CaseStep>> steps(@PathVariable String id) {
        return MonoTimer.time(queries.list(new CaseSteps(id), CaseStep.class)
                .filter(steps -> !steps.isEmpty())
                .switchIfEmpty(Mono.error(new NotFound("case " + id))), meters, TIMER, TIMER_DESCRIPTION, Tags.of("query", "steps"));
    }

    /** An ISO instant with Z or an offset; a '+' of the offset that came through unencoded reads as a space. */
    private static Instant instant(String text) {
        try {
            return Instant.parse(text.trim().replace(' ', '+'));
        } catch (DateTimeParseException e) {
            throw new InvalidInput("asOfRecorded", "asOfRecorded must be an ISO-8601 instant such as "
                    + "2025-03-31T09:00:00Z, not " + text);
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("asOfOccurred", "asOfOccurred must be a date yyyy-MM-dd, not " + text);
        }
    }
}
