package casebook.web.engagement;

import casebook.kernel.engagement.Theme;
import casebook.kernel.engagement.command.AddHomework;
import casebook.kernel.engagement.command.AssignAdvisor;
import casebook.kernel.engagement.command.CancelMilestone;
import casebook.kernel.engagement.command.CloseEngagement;
import casebook.kernel.engagement.command.CompleteHomework;
import casebook.kernel.engagement.command.CorrectEngagementRecord;
import casebook.kernel.engagement.command.DropHomework;
import casebook.kernel.engagement.command.PlanMilestone;
import casebook.kernel.engagement.command.RecordDecision;
import casebook.kernel.engagement.command.RecordFinding;
import casebook.kernel.engagement.command.RecordMilestoneHeld;
import casebook.kernel.engagement.command.RecordNonSelection;
import casebook.kernel.engagement.command.RecordOutput;
import casebook.kernel.engagement.command.SelectEngagement;
import casebook.kernel.engagement.command.SkipMilestone;
import casebook.kernel.engagement.command.SubmitEntrySheet;
import casebook.kernel.engagement.command.UnassignAdvisor;
import casebook.kernel.engagement.command.UpdateThemes;
import casebook.kernel.engagement.command.WithdrawEngagement;
import casebook.kernel.engagement.ParticipantGroup;
import casebook.kernel.time.PlannedPeriod;
import casebook.web.CommandDispatcher;
import casebook.web.CommandResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Every step of a support engagement (伴走支援) as a command: CONTRACT.md "Support engagements". */
@RestController
@RequestMapping("/api/engagements")
@Tag(name = "Support engagements (伴走支援)")
class EngagementCommandController {

    private final CommandDispatcher dispatcher;
    private final EngagementRegistration registration;
    private final CorrectionFields correctionFields;
    private final LimitWarnings limitWarnings;
    private final Clock clock;

    EngagementCommandController(CommandDispatcher dispatcher, EngagementRegistration registration,
                                CorrectionFields correctionFields, LimitWarnings limitWarnings, Clock clock) {
        this.limitWarnings = limitWarnings;
        this.dispatcher = dispatcher;
        this.registration = registration;
        this.correctionFields = correctionFields;
        this.clock = clock;
    }

    private LocalDate today(LocalDate given) {
        return given != null ? given : casebook.kernel.time.BusinessCalendar.today(clock);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static List<Theme> themes(List<EngagementRequests.ThemeBody> bodies) {
        return bodies == null ? List.of() : bodies.stream().map(t -> new Theme(t.code(), t.detail())).toList();
    }

    private Mono<CommandResult> send(Object command, String id, ServerWebExchange exchange) {
        return dispatcher.send(command, id, exchange);
    }

    @PostMapping
    @Operation(summary = "Register an engagement (候補登録); the bureau follows from the municipality")
    Mono<ResponseEntity<CommandResult>> register(@Valid @RequestBody EngagementRequests.Register body, ServerWebExchange exchange) {
        return registration.register(body, themes(body.themes()), today(null), exchange)
                .map(r -> ResponseEntity.created(URI.create("/api/engagements/" + r.id())).body(r));
    }

    @PostMapping("/{id}/entry")
    @Operation(summary = "Record the entry sheet (エントリー)")
    Mono<CommandResult> entry(@PathVariable String id, @Valid @RequestBody EngagementRequests.Entry body, ServerWebExchange ex) {
        return send(new SubmitEntrySheet(id, body.receivedOn(), body.note()), id, ex);
    }

    @PostMapping("/{id}/selection")
    @Operation(summary = "Record the selection (選定); the answer warns when a per-bureau limit is now exceeded")
    Mono<CommandResult> select(@PathVariable String id, @Valid @RequestBody EngagementRequests.Selection body, ServerWebExchange ex) {
        return send(new SelectEngagement(id, body.selectedOn(), body.selectedBy()), id, ex)
                .flatMap(result -> limitWarnings.after(id).map(result::withWarnings));
    }

    @PostMapping("/{id}/non-selection")
    @Operation(summary = "Record that the entry was not selected (不選定)")
    Mono<CommandResult> notSelected(@PathVariable String id, @Valid @RequestBody EngagementRequests.Decline body, ServerWebExchange ex) {
        return send(new RecordNonSelection(id, body.decidedOn(), body.reason()), id, ex);
    }

    @PostMapping("/{id}/withdrawal")
    @Operation(summary = "Record the municipality's withdrawal (辞退)")
    Mono<CommandResult> withdraw(@PathVariable String id, @Valid @RequestBody EngagementRequests.Withdrawal body, ServerWebExchange ex) {
        return send(new WithdrawEngagement(id, body.withdrawnOn(), body.reason()), id, ex);
    }

    @PostMapping("/{id}/advisors")
    @Operation(summary = "Assign an advisor (アドバイザー), with their affiliation as of today")
    Mono<CommandResult> assignAdvisor(@PathVariable String id, @Valid @RequestBody EngagementRequests.Advisor body, ServerWebExchange ex) {
        String advisorId = newId();
        return send(new AssignAdvisor(id, advisorId, body.name(), body.affiliation(), body.title(), today(body.assignedOn())), id, ex)
                .map(r -> new CommandResult(r.id(), r.version(), null, null, null, null, advisorId));
    }

    @PostMapping("/{id}/advisors/{advisorId}/removal")
    @Operation(summary = "Remove an advisor from the support team")
    Mono<CommandResult> unassignAdvisor(@PathVariable String id, @PathVariable String advisorId,
                                        @Valid @RequestBody EngagementRequests.AdvisorRemoval body, ServerWebExchange ex) {
        return send(new UnassignAdvisor(id, advisorId, body.reason(), today(body.occurredOn())), id, ex);
    }

    @PutMapping("/{id}/themes")
    @Operation(summary = "Replace the support themes (支援テーマ)")
    Mono<CommandResult> themes(@PathVariable String id, @Valid @RequestBody EngagementRequests.Themes body, ServerWebExchange ex) {
        return send(new UpdateThemes(id, themes(body.themes()), body.reason(), today(body.occurredOn())), id, ex);
    }

    @PutMapping("/{id}/milestones/{kind}/plan")
    @Operation(summary = "Plan a milestone on a date or a fuzzy period (上旬/中旬/下旬/頃); planning again reschedules")
    Mono<CommandResult> plan(@PathVariable String id, @PathVariable String kind, @Valid @RequestBody EngagementRequests.Plan body,
                             ServerWebExchange ex) {
        PlannedPeriod period = body.plannedPeriod() == null ? null
                : new PlannedPeriod(body.plannedPeriod().year(), body.plannedPeriod().month(), body.plannedPeriod().part());
        return send(new PlanMilestone(id, kind, body.plannedOn(), period, body.startTime(), body.endTime(), body.mode(),
                body.place(), body.reason(), today(body.occurredOn())), id, ex);
    }

    @PostMapping("/{id}/milestones/{kind}/held")
    @Operation(summary = "Record that a milestone was held (実施), with participants, agenda and summary")
    Mono<CommandResult> held(@PathVariable String id, @PathVariable String kind, @Valid @RequestBody EngagementRequests.Held body,
                             ServerWebExchange ex) {
        List<ParticipantGroup> participants = body.participants() == null ? List.of() : body.participants().stream()
                .map(p -> new ParticipantGroup(p.organisation(), p.department(), p.role(), p.headcount())).toList();
        return send(new RecordMilestoneHeld(id, kind, body.heldOn(), body.startTime(), body.endTime(), body.mode(), body.place(),
                participants, body.agenda() == null ? List.of() : body.agenda(), body.summary()), id, ex);
    }

    @PostMapping("/{id}/milestones/{kind}/cancellation")
    @Operation(summary = "Cancel a milestone (中止) with a reason")
    Mono<CommandResult> cancel(@PathVariable String id, @PathVariable String kind, @Valid @RequestBody EngagementRequests.Reasoned body,
                               ServerWebExchange ex) {
        return send(new CancelMilestone(id, kind, body.reason(), today(body.occurredOn())), id, ex);
    }

    @PostMapping("/{id}/milestones/{kind}/skip")
    @Operation(summary = "Skip a milestone with a reason, so that later ones may be held")
    Mono<CommandResult> skip(@PathVariable String id, @PathVariable String kind, @Valid @RequestBody EngagementRequests.Reasoned body,
                             ServerWebExchange ex) {
        return send(new SkipMilestone(id, kind, body.reason(), today(body.occurredOn())), id, ex);
    }

    @PostMapping("/{id}/findings")
    @Operation(summary = "Record a finding (気づき) of a held milestone")
    Mono<CommandResult> finding(@PathVariable String id, @Valid @RequestBody EngagementRequests.Finding body, ServerWebExchange ex) {
        String findingId = newId();
        return send(new RecordFinding(id, findingId, body.milestone(), body.text(), today(body.occurredOn())), id, ex)
                .map(r -> new CommandResult(r.id(), r.version(), null, null, findingId, null, null));
    }

    @PostMapping("/{id}/decisions")
    @Operation(summary = "Record a decision (決定)")
    Mono<CommandResult> decision(@PathVariable String id, @Valid @RequestBody EngagementRequests.Decision body, ServerWebExchange ex) {
        String decisionId = newId();
        return send(new RecordDecision(id, decisionId, body.milestone(), body.decidedOn(), body.text()), id, ex)
                .map(r -> new CommandResult(r.id(), r.version(), null, decisionId, null, null, null));
    }

    @PostMapping("/{id}/homework")
    @Operation(summary = "Set homework, due before a milestone (1.5mtgまでに…) or on a date")
    Mono<CommandResult> homework(@PathVariable String id, @Valid @RequestBody EngagementRequests.Homework body, ServerWebExchange ex) {
        String itemId = newId();
        return send(new AddHomework(id, itemId, body.description(), body.owner(), body.dueBefore(), body.dueOn(),
                today(body.occurredOn())), id, ex)
                .map(r -> new CommandResult(r.id(), r.version(), itemId, null, null, null, null));
    }

    @PostMapping("/{id}/homework/{itemId}/completion")
    @Operation(summary = "Complete a homework item")
    Mono<CommandResult> complete(@PathVariable String id, @PathVariable String itemId,
                                 @Valid @RequestBody EngagementRequests.Completion body, ServerWebExchange ex) {
        return send(new CompleteHomework(id, itemId, body.completedOn(), body.note()), id, ex);
    }

    @PostMapping("/{id}/homework/{itemId}/drop")
    @Operation(summary = "Drop a homework item that is no longer needed")
    Mono<CommandResult> drop(@PathVariable String id, @PathVariable String itemId,
                             @Valid @RequestBody EngagementRequests.Reasoned body, ServerWebExchange ex) {
        return send(new DropHomework(id, itemId, body.reason(), today(body.occurredOn())), id, ex);
    }

    @PostMapping("/{id}/outputs")
    @Operation(summary = "Record an output (ロードマップ案, 新規事業調書 …) by reference")
    Mono<CommandResult> output(@PathVariable String id, @Valid @RequestBody EngagementRequests.Output body, ServerWebExchange ex) {
        String outputId = newId();
        return send(new RecordOutput(id, outputId, body.kind(), body.title(), body.uri(), body.milestone(),
                today(body.producedOn())), id, ex)
                .map(r -> new CommandResult(r.id(), r.version(), null, null, null, outputId, null));
    }

    @PostMapping("/{id}/closure")
    @Operation(summary = "Close the engagement (終了); early closure needs a reason")
    Mono<CommandResult> close(@PathVariable String id, @Valid @RequestBody EngagementRequests.Closure body, ServerWebExchange ex) {
        return send(new CloseEngagement(id, body.closedOn(), body.outcomeSummary(), body.reason()), id, ex);
    }

    @PostMapping("/{id}/corrections")
    @Operation(summary = "Correct fields of an earlier event, named by sequence number, with a reason; "
            + "without fields, only mark the event as recorded wrongly (the reason says how)")
    Mono<CommandResult> correct(@PathVariable String id, @Valid @RequestBody EngagementRequests.Correction body, ServerWebExchange ex) {
        return Mono.fromCallable(() -> correctionFields.parse(body.fields()))
                .flatMap(fields -> send(new CorrectEngagementRecord(id, body.correctsEvent(), body.reason(), fields,
                        today(body.occurredOn())), id, ex));
    }

}
