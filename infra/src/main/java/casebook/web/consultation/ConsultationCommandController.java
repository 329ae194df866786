package casebook.web.consultation;

import casebook.kernel.InvalidInput;
import casebook.kernel.consultation.CapInputs;
import casebook.kernel.consultation.ConsultationReason;
import casebook.kernel.consultation.command.ApproveUpperLimitConsultation;
import casebook.kernel.consultation.command.LinkEngagement;
import casebook.kernel.consultation.command.LinkGrantCase;
import casebook.kernel.consultation.command.OpenUpperLimitConsultation;
import casebook.kernel.consultation.command.RejectUpperLimitConsultation;
import casebook.kernel.consultation.command.ReviewUpperLimitConsultation;
import casebook.kernel.consultation.command.SubmitUpperLimitConsultation;
import casebook.kernel.time.BusinessCalendar;
import casebook.web.CommandDispatcher;
import casebook.web.CommandResult;
import casebook.web.OwnBureau;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 個別協議: a municipality's request, through its prefecture, to exceed the 総合事業 cap; the reviewer and the
 * approver are the signed-in users, never body fields.
 */
@RestController
@RequestMapping("/api/consultations")
@Tag(name = "Cap consultations (個別協議)")
class ConsultationCommandController {

    static final long MAX_YEN = 1_000_000_000_000L;

    record Cap(@NotNull @PositiveOrZero @Max(MAX_YEN) Long baselineActual,
               @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10") BigDecimal growthRate75Plus,
               @NotNull @PositiveOrZero @Max(MAX_YEN) Long capAmount) {
    }

    record Open(@NotBlank @Pattern(regexp = "\\d{6}") String municipalityCode, @NotNull @Min(2015) @Max(2060) Integer fiscalYear,
                @NotNull @Valid Cap capInputs, @NotNull @PositiveOrZero @Max(MAX_YEN) Long plannedCost,
                @NotNull @PositiveOrZero @Max(MAX_YEN) Long excessAmount, @NotNull ConsultationReason reason,
                @Size(max = 4000) String reasonDetail) {
    }

    record Submission(@NotNull LocalDate submittedOn, @NotBlank @Pattern(regexp = "\\d{6}") String prefectureCode) {
    }

    record Review(@NotNull LocalDate reviewedOn, @Size(max = 8000) String findings) {
    }

    record Approval(@NotNull LocalDate approvedOn, @NotNull @PositiveOrZero @Max(MAX_YEN) Long approvedExcessAmount) {
    }

    record Rejection(@NotNull LocalDate rejectedOn, @NotBlank @Size(max = 4000) String reason) {
    }

    record Link(@Size(max = 64) String grantCaseId, @Size(max = 64) String engagementId) {
    }

    private final CommandDispatcher dispatcher;
    private final Clock clock;

    ConsultationCommandController(CommandDispatcher dispatcher, Clock clock) {
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Open a 個別協議 with the cap inputs as recorded values")
    Mono<ResponseEntity<CommandResult>> open(@Valid @RequestBody Open b, ServerWebExchange ex) {
        String id = UUID.randomUUID().toString();
        CapInputs cap = new CapInputs(b.capInputs().baselineActual(), b.capInputs().growthRate75Plus(), b.capInputs().capAmount());
        return OwnBureau.check(b.municipalityCode()).then(dispatcher.send(new OpenUpperLimitConsultation(id, b.municipalityCode(), b.fiscalYear(), cap, b.plannedCost(),
                        b.excessAmount(), b.reason(), b.reasonDetail(), BusinessCalendar.today(clock)), id, ex))
                .map(r -> ResponseEntity.created(URI.create("/api/consultations/" + id)).body(r));
    }

    @PostMapping("/{id}/submission")
    @Operation(summary = "Record its submission through the prefecture")
    Mono<CommandResult> submit(@PathVariable String id, @Valid @RequestBody Submission b, ServerWebExchange ex) {
        return dispatcher.send(new SubmitUpperLimitConsultation(id, b.submittedOn(), b.prefectureCode()), id, ex);
    }

    @PostMapping("/{id}/review")
    @Operation(summary = "Record the bureau's review; the reviewer is the signed-in user")
    Mono<CommandResult> review(@PathVariable String id, @Valid @RequestBody Review b, ServerWebExchange ex) {
        return CommandDispatcher.currentActor().flatMap(actor ->
                dispatcher.send(new ReviewUpperLimitConsultation(id, b.reviewedOn(), actor.name(), b.findings()), id, ex));
    }

    @PostMapping("/{id}/approval")
    @Operation(summary = "Approve with the 上限超過承認額; the approver is the signed-in user")
    Mono<CommandResult> approve(@PathVariable String id, @Valid @RequestBody Approval b, ServerWebExchange ex) {
        return CommandDispatcher.currentActor().flatMap(actor ->
                dispatcher.send(new ApproveUpperLimitConsultation(id, b.approvedOn(), b.approvedExcessAmount(), actor.name()), id, ex));
    }

    @PostMapping("/{id}/rejection")
    @Operation(summary = "Reject, with a reason")
    Mono<CommandResult> reject(@PathVariable String id, @Valid @RequestBody Rejection b, ServerWebExchange ex) {
        return dispatcher.send(new RejectUpperLimitConsultation(id, b.rejectedOn(), b.reason()), id, ex);
    }

    @PostMapping("/{id}/links")
    @Operation(summary = "Link a grant case or a support engagement (one of the two)")
    Mono<CommandResult> link(@PathVariable String id, @Valid @RequestBody Link b, ServerWebExchange ex) {
        LocalDate today = BusinessCalendar.today(clock);
        if ((b.grantCaseId() == null) == (b.engagementId() == null)) {
            return Mono.error(new InvalidInput("grantCaseId", "give either grantCaseId or engagementId"));
        }
        Object command = b.grantCaseId() != null ? new LinkGrantCase(id, b.grantCaseId(), today)
                : new LinkEngagement(id, b.engagementId(), today);
        return dispatcher.send(command, id, ex);
    }
}
