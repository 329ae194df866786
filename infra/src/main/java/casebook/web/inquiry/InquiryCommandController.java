package casebook.web.inquiry;

import casebook.kernel.grant.GrantType;
import casebook.kernel.inquiry.InquirerKind;
import casebook.kernel.inquiry.InquiryChannel;
import casebook.kernel.inquiry.command.AnswerInquiry;
import casebook.kernel.inquiry.command.AssignInquiry;
import casebook.kernel.inquiry.command.CloseInquiry;
import casebook.kernel.inquiry.command.EscalateToMinistry;
import casebook.kernel.inquiry.command.ReceiveInquiry;
import casebook.kernel.inquiry.command.RecordMinistryAnswer;
import casebook.kernel.inquiry.command.ReopenInquiry;
import casebook.kernel.time.BusinessCalendar;
import casebook.web.CommandDispatcher;
import casebook.web.CommandResult;
import casebook.web.OwnBureau;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

/** 疑義照会: questions from prefectures and municipalities about grant procedures, from receipt to answer. */
@RestController
@RequestMapping("/api/inquiries")
@Tag(name = "Inquiries (疑義照会)")
class InquiryCommandController {

    static final int TEXT = 8000;

    record Receive(@NotNull InquirerKind fromKind, @NotBlank @Pattern(regexp = "\\d{6}") String fromCode,
                   @NotNull InquiryChannel channel, @NotNull LocalDate receivedOn, @NotBlank @Size(max = 200) String subject,
                   @NotBlank @Size(max = TEXT) String question, GrantType grantType, @Size(max = 64) String grantCaseId) {
    }

    record Assignment(@NotBlank @Size(max = 100) String officer, LocalDate assignedOn) {
    }

    record Escalation(@NotNull LocalDate escalatedOn, @NotBlank @Size(max = TEXT) String question) {
    }

    record Answer(@NotNull LocalDate on, @NotBlank @Size(max = TEXT) String answer) {
    }

    record Closure(@NotNull LocalDate closedOn) {
    }

    record Reopening(@NotNull LocalDate reopenedOn, @NotBlank @Size(max = TEXT) String reason) {
    }

    private final CommandDispatcher dispatcher;
    private final Clock clock;

    InquiryCommandController(CommandDispatcher dispatcher, Clock clock) {
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Receive an inquiry (疑義照会受付)")
    Mono<ResponseEntity<CommandResult>> receive(@Valid @RequestBody Receive b, ServerWebExchange ex) {
        String id = UUID.randomUUID().toString();
        return OwnBureau.check(b.fromCode()).then(dispatcher.send(new ReceiveInquiry(id, b.fromKind(), b.fromCode(), b.channel(), b.receivedOn(), b.subject(),
                        b.question(), b.grantType(), b.grantCaseId()), id, ex))
                .map(r -> ResponseEntity.created(URI.create("/api/inquiries/" + id)).body(r));
    }

    @PostMapping("/{id}/assignment")
    @Operation(summary = "Assign (or reassign) the inquiry to an officer")
    Mono<CommandResult> assign(@PathVariable String id, @Valid @RequestBody Assignment b, ServerWebExchange ex) {
        LocalDate on = b.assignedOn() != null ? b.assignedOn() : BusinessCalendar.today(clock);
        return dispatcher.send(new AssignInquiry(id, b.officer(), on), id, ex);
    }

    @PostMapping("/{id}/escalation")
    @Operation(summary = "Ask head office (本省照会)")
    Mono<CommandResult> escalate(@PathVariable String id, @Valid @RequestBody Escalation b, ServerWebExchange ex) {
        return dispatcher.send(new EscalateToMinistry(id, b.escalatedOn(), b.question()), id, ex);
    }

    @PostMapping("/{id}/ministry-answer")
    @Operation(summary = "Record head office's answer (本省回答)")
    Mono<CommandResult> ministryAnswer(@PathVariable String id, @Valid @RequestBody Answer b, ServerWebExchange ex) {
        return dispatcher.send(new RecordMinistryAnswer(id, b.on(), b.answer()), id, ex);
    }

    @PostMapping("/{id}/answer")
    @Operation(summary = "Answer the inquirer (回答)")
    Mono<CommandResult> answer(@PathVariable String id, @Valid @RequestBody Answer b, ServerWebExchange ex) {
        return dispatcher.send(new AnswerInquiry(id, b.on(), b.answer()), id, ex);
    }

    @PostMapping("/{id}/closure")
    @Operation(summary = "Close an answered inquiry")
    Mono<CommandResult> close(@PathVariable String id, @Valid @RequestBody Closure b, ServerWebExchange ex) {
        return dispatcher.send(new CloseInquiry(id, b.closedOn()), id, ex);
    }

    @PostMapping("/{id}/reopening")
    @Operation(summary = "Reopen a closed inquiry, with a reason")
    Mono<CommandResult> reopen(@PathVariable String id, @Valid @RequestBody Reopening b, ServerWebExchange ex) {
        return dispatcher.send(new ReopenInquiry(id, b.reopenedOn(), b.reason()), id, ex);
    }
}
