package casebook.web.grant;

import casebook.kernel.grant.GrantCorrectedFields;
import casebook.kernel.grant.GrantStep;
import casebook.kernel.grant.PlannedStep;
import casebook.kernel.grant.Recipient;
import casebook.kernel.grant.command.CorrectGrantRecord;
import casebook.kernel.grant.command.OpenGrantCase;
import casebook.kernel.grant.command.OpenProcedure;
import casebook.kernel.grant.command.RecordGrantStep;
import casebook.kernel.time.BusinessCalendar;
import casebook.kernel.time.PlannedPeriod;
import casebook.web.BusinessKeys;
import casebook.web.CommandDispatcher;
import casebook.web.CommandResult;
import casebook.web.KeyedCreation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Every step of a grant case (交付案件) as a command: CONTRACT.md "Grant cases". */
@RestController
@RequestMapping("/api/grant-cases")
@Tag(name = "Grant cases (交付案件)")
class GrantCommandController {

    private final CommandDispatcher dispatcher;
    private final KeyedCreation creation;
    private final Clock clock;

    GrantCommandController(CommandDispatcher dispatcher, KeyedCreation creation, Clock clock) {
        this.dispatcher = dispatcher;
        this.creation = creation;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Open a grant case for one grant, recipient and target fiscal year; the bureau follows from the recipient")
    Mono<ResponseEntity<CommandResult>> open(@Valid @RequestBody GrantRequests.Open body, ServerWebExchange exchange) {
        String id = UUID.randomUUID().toString();
        Recipient recipient = new Recipient(body.recipient().kind(), body.recipient().code());
        OpenGrantCase command = new OpenGrantCase(id, body.grantType(), recipient, body.targetFiscalYear(),
                BusinessCalendar.today(clock));
        return creation.create(BusinessKeys.grantCase(body.grantType(), recipient.kind(), recipient.code(), body.targetFiscalYear()),
                        id, command, exchange, "recipient", "this recipient already has a case of this grant for this year",
                        recipient.code())
                .map(r -> ResponseEntity.created(URI.create("/api/grant-cases/" + r.id())).body(r));
    }

    @PostMapping("/{id}/procedures")
    @Operation(summary = "Open a procedure (当初交付, 変更交付, 調整交付金, 前年度確定, 過年度再確定); no schedule: the default calendar")
    Mono<ResponseEntity<CommandResult>> procedure(@PathVariable String id, @Valid @RequestBody GrantRequests.Procedure body,
                                                  ServerWebExchange exchange) {
        String procedureId = UUID.randomUUID().toString();
        List<PlannedStep> schedule = body.plannedSchedule() == null ? null
                : body.plannedSchedule().stream().map(GrantCommandController::planned).toList();
        return dispatcher.send(new OpenProcedure(id, procedureId, body.kind(), schedule, BusinessCalendar.today(clock)), id, exchange)
                .map(r -> ResponseEntity.status(HttpStatus.CREATED)
                        .location(URI.create("/api/grant-cases/" + id + "/procedures/" + procedureId))
                        .body(r.withProcedure(procedureId)));
    }

    @PostMapping("/{id}/procedures/{procedureId}/steps/{step}")
    @Operation(summary = "Record a step (e.g. EXPENDITURE_AUTHORITY_RECEIVED 支出負担行為示達, DECISION_APPROVED 交付決定決裁) with its amount in yen")
    Mono<CommandResult> step(@PathVariable String id, @PathVariable String procedureId, @PathVariable GrantStep step,
                             @Valid @RequestBody GrantRequests.Step body, ServerWebExchange exchange) {
        return dispatcher.send(new RecordGrantStep(id, procedureId, step, body.on(), body.amount(), body.noticeNo(),
                body.documents() == null ? List.of() : body.documents(), body.note()), id, exchange);
    }

    @PostMapping("/{id}/corrections")
    @Operation(summary = "Correct a recorded step (date, amount, notice number, note), named by sequence number, with a reason; "
            + "without fields, only mark the step as recorded wrongly (the reason says how)")
    Mono<CommandResult> correct(@PathVariable String id, @Valid @RequestBody GrantRequests.Correction body, ServerWebExchange exchange) {
        GrantRequests.CorrectedFields f = body.fields();
        LocalDate occurredOn = body.occurredOn() != null ? body.occurredOn() : BusinessCalendar.today(clock);
        return dispatcher.send(new CorrectGrantRecord(id, body.correctsEvent(), body.reason(),
                f == null ? GrantCorrectedFields.none() : new GrantCorrectedFields(f.on(), f.amount(), f.noticeNo(), f.note()),
                occurredOn), id, exchange);
    }

    private static PlannedStep planned(GrantRequests.PlannedStepBody b) {
        return new PlannedStep(b.step(), b.on(), period(b.period()), period(b.until()));
    }

    private static PlannedPeriod period(GrantRequests.Period p) {
        return p == null ? null : new PlannedPeriod(p.year(), p.month(), p.part());
    }
}
