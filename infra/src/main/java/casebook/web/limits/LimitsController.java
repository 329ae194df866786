package casebook.web.limits;

import casebook.web.ReferenceParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The limits dashboard: selections per bureau against the configured limits, over-limit ones flagged. */
@RestController
@Tag(name = "Progress views")
class LimitsController {

    private final SelectionLimits limits;

    LimitsController(SelectionLimits limits) {
        this.limits = limits;
    }

    @GetMapping("/api/limits")
    @Operation(summary = "Selected engagements per bureau against the configured per-bureau limits (warn, never block)")
    Mono<List<LimitStatus>> limits(@RequestParam(required = false) Integer fiscalYear,
                                   @RequestParam(required = false) String bureau) {
        ReferenceParams.checkBureau(bureau);
        ReferenceParams.checkFiscalYear(fiscalYear);
        return limits.status(fiscalYear, bureau);
    }
}
