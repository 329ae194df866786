package casebook.consultation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import casebook.kernel.InvalidInput;
import casebook.kernel.consultation.CapInputs;
import casebook.kernel.consultation.ConsultationReason;
import casebook.kernel.consultation.ConsultationStatus;
import casebook.kernel.consultation.LinkKind;
import casebook.kernel.consultation.command.ApproveUpperLimitConsultation;
import casebook.kernel.consultation.command.LinkEngagement;
import casebook.kernel.consultation.command.LinkGrantCase;
import casebook.kernel.consultation.command.OpenUpperLimitConsultation;
import casebook.kernel.consultation.command.RejectUpperLimitConsultation;
import casebook.kernel.consultation.command.ReviewUpperLimitConsultation;
import casebook.kernel.consultation.command.SubmitUpperLimitConsultation;
import casebook.kernel.consultation.event.ConsultationLinked;
import casebook.kernel.consultation.event.IndividualConsultationApproved;
import casebook.kernel.consultation.event.IndividualConsultationOpened;
import casebook.kernel.consultation.event.IndividualConsultationRejected;
import casebook.kernel.consultation.event.IndividualConsultationReviewed;
import casebook.kernel.consultation.event.IndividualConsultationSubmitted;
import casebook.kernel.reference.LocalGovernment;
import casebook.kernel.reference.ReferenceData;
import casebook.kernel.time.FiscalYear;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * An individual consultation (個別協議): a municipality asks, via its prefecture, to let its 総合事業 cost exceed the cap
 * (事業移行前年度実績 × 75歳以上高齢者の伸び率) because of a disaster or other special circumstance. The bureau reviews it and
 * approves an 上限超過承認額 or rejects it (DOMAIN.md §3.3.1, §3.8 rule 2, §5.2).
 *
 * <p>Command handlers check the rules and apply exactly one event; event sourcing handlers only assign state. The infra
 * module registers the class with Axon, hence no Spring stereotype here.
 */
public class UpperLimitConsultation {

    @AggregateIdentifier
    private String consultationId;
    private ConsultationStatus status;
    private String municipalityName;
    private String prefectureCode;
    private long excessAmount;
    private Long approvedExcessAmount;
    private final Map<LinkKind, Set<String>> links = new EnumMap<>(LinkKind.class);

    /** For Axon, which rebuilds the consultation from its events. */
    protected UpperLimitConsultation() {
    }

    // ---------------------------------------------------------------- opening and submission

    @CommandHandler
    public UpperLimitConsultation(OpenUpperLimitConsultation cmd) {
        Require.text("consultationId", cmd.consultationId());
        Require.text("municipalityCode", cmd.municipalityCode());
        LocalGovernment municipality = ReferenceData.get().municipality(cmd.municipalityCode())
                .orElseThrow(() -> new UnknownMunicipality(cmd.municipalityCode()));
        if (!FiscalYear.isValid(cmd.fiscalYear())) {
            throw new InvalidInput("fiscalYear", "fiscal year " + cmd.fiscalYear() + " is outside "
                    + FiscalYear.EARLIEST + "-" + FiscalYear.LATEST);
        }
        CapInputs cap = capInputs(cmd.capInputs());
        long plannedCost = Require.yen("plannedCost", cmd.plannedCost());
        long excess = Require.yen("excessAmount", cmd.excessAmount());
        if (excess != Math.max(0, plannedCost - cap.capAmount())) {
            throw new ExcessDoesNotAddUp(excess, plannedCost, cap.capAmount());
        }
        ConsultationReason reason = Require.value("reason", cmd.reason());
        if (reason == ConsultationReason.OTHER) {
            // "その他" on its own tells the reviewer nothing.
            Require.text("reasonDetail", cmd.reasonDetail());
        }
        Require.value("occurredOn", cmd.occurredOn());
        apply(new IndividualConsultationOpened(cmd.consultationId(), municipality.code(), municipality.name(),
                municipality.prefectureCode(), ReferenceData.get().bureauOf(municipality).code(), cmd.fiscalYear(),
                cap, plannedCost, excess, reason, cmd.reasonDetail(), cmd.occurredOn()));
    }

    @CommandHandler
    public void handle(SubmitUpperLimitConsultation cmd) {
        LocalDate submittedOn = Require.value("submittedOn", cmd.submittedOn());
        String via = Require.text("prefectureCode", cmd.prefectureCode());
        if (!via.equals(prefectureCode)) {
            throw new NotTheMunicipalitysPrefecture(via, municipalityName, prefectureCode);
        }
        requireNotDecided();
        if (status != ConsultationStatus.OPENED) {
            throw new NotAllowedInStatus("submitting", status);
        }
        String prefectureName = ReferenceData.get().prefecture(via).map(LocalGovernment::name).orElseThrow();
        apply(new IndividualConsultationSubmitted(consultationId, submittedOn, via, prefectureName, submittedOn));
    }

    // ---------------------------------------------------------------- review and decision

    /** A second review (another round of advice) is allowed until the decision. */
    @CommandHandler
    public void handle(ReviewUpperLimitConsultation cmd) {
        LocalDate reviewedOn = Require.value("reviewedOn", cmd.reviewedOn());
        Require.text("reviewer", cmd.reviewer());
        requireNotDecided();
        if (status != ConsultationStatus.SUBMITTED && status != ConsultationStatus.REVIEWED) {
            throw new NotAllowedInStatus("reviewing", status);
        }
        apply(new IndividualConsultationReviewed(consultationId, reviewedOn, cmd.reviewer(), cmd.findings(),
                reviewedOn));
    }

    @CommandHandler
    public void handle(ApproveUpperLimitConsultation cmd) {
        LocalDate approvedOn = Require.value("approvedOn", cmd.approvedOn());
        long approved = Require.yen("approvedExcessAmount", cmd.approvedExcessAmount());
        Require.text("approvedBy", cmd.approvedBy());
        requireNotDecided();
        if (status != ConsultationStatus.REVIEWED) {
            throw new NotAllowedInStatus("approving", status);
        }
        if (approved > excessAmount) {
            throw new ApprovalAboveExcess(approved, excessAmount);
        }
        apply(new IndividualConsultationApproved(consultationId, approvedOn, approved, cmd.approvedBy(), approvedOn));
    }

    @CommandHandler
    public void handle(RejectUpperLimitConsultation cmd) {
        LocalDate rejectedOn = Require.value("rejectedOn", cmd.rejectedOn());
        Require.text("reason", cmd.reason());
        requireNotDecided();
        if (status != ConsultationStatus.REVIEWED) {
            throw new NotAllowedInStatus("rejecting", status);
        }
        apply(new IndividualConsultationRejected(consultationId, rejectedOn, cmd.reason(), rejectedOn));
    }

    // ---------------------------------------------------------------- links (allowed after the decision too)

    @CommandHandler
    public void handle(LinkGrantCase cmd) {
        link(LinkKind.GRANT_CASE, "grantCaseId", cmd.grantCaseId(), cmd.occurredOn());
    }

    @CommandHandler
    public void handle(LinkEngagement cmd) {
        link(LinkKind.ENGAGEMENT, "engagementId", cmd.engagementId(), cmd.occurredOn());
    }

    private void link(LinkKind kind, String field, String id, LocalDate occurredOn) {
        Require.text(field, id);
        Require.value("occurredOn", occurredOn);
        if (links.getOrDefault(kind, Set.of()).contains(id)) {
            throw new AlreadyLinked(field, id);
        }
        apply(new ConsultationLinked(consultationId, kind, id, occurredOn));
    }

    // ---------------------------------------------------------------- event sourcing handlers

    @EventSourcingHandler
    private void on(IndividualConsultationOpened e) {
        consultationId = e.consultationId();
        municipalityName = e.municipalityName();
        prefectureCode = e.prefectureCode();
        excessAmount = e.excessAmount();
        status = ConsultationStatus.OPENED;
    }

    @EventSourcingHandler
    private void on(IndividualConsultationSubmitted e) {
        status = ConsultationStatus.SUBMITTED;
    }

    @EventSourcingHandler
    private void on(IndividualConsultationReviewed e) {
        status = ConsultationStatus.REVIEWED;
    }

    @EventSourcingHandler
    private void on(IndividualConsultationApproved e) {
        approvedExcessAmount = e.approvedExcessAmount();
        status = ConsultationStatus.APPROVED;
    }

    @EventSourcingHandler
    private void on(IndividualConsultationRejected e) {
        status = ConsultationStatus.REJECTED;
    }

    @EventSourcingHandler
    private void on(ConsultationLinked e) {
        links.computeIfAbsent(e.kind(), k -> new HashSet<>()).add(e.linkedId());
    }

    // ---------------------------------------------------------------- rules

    private void requireNotDecided() {
        if (status.decided()) {
            throw new ConsultationDecided(status);
        }
    }

    /** The cap inputs are recorded as given; the cap is not recomputed (rounding and years are not in the seeds). */
    private static CapInputs capInputs(CapInputs cap) {
        Require.value("capInputs", cap);
        Require.yen("capInputs.baselineActual", cap.baselineActual());
        BigDecimal rate = Require.value("capInputs.growthRate75Plus", cap.growthRate75Plus());
        if (rate.signum() <= 0) {
            throw new InvalidInput("capInputs.growthRate75Plus", "the growth rate is a factor such as 1.032 and must be"
                    + " positive, not " + rate.toPlainString());
        }
        Require.yen("capInputs.capAmount", cap.capAmount());
        return cap;
    }

    // ---------------------------------------------------------------- read access for tests

    ConsultationStatus status() {
        return status;
    }

    Long approvedExcessAmount() {
        return approvedExcessAmount;
    }

    boolean isLinked(LinkKind kind, String id) {
        return links.getOrDefault(kind, Set.of()).contains(id);
    }
}
