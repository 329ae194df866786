package casebook.web.retention;

import casebook.kernel.audit.CaseType;
import casebook.kernel.audit.Retention;
import casebook.kernel.consultation.query.ConsultationView;
import casebook.kernel.consultation.query.FindConsultation;
import casebook.kernel.engagement.query.EngagementView;
import casebook.kernel.engagement.query.FindEngagement;
import casebook.kernel.grant.query.FindGrantCase;
import casebook.kernel.grant.query.GrantCaseView;
import casebook.kernel.grant.query.GrantProcedureView;
import casebook.kernel.grant.query.GrantStepView;
import casebook.kernel.inquiry.query.FindInquiry;
import casebook.kernel.inquiry.query.InquiryView;
import casebook.web.QueryRunner;
import java.time.LocalDate;
import java.util.Objects;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Works out when a case closed, whatever its type, and what that means for keeping its records. */
@Component
class CaseRetention {

    private final QueryRunner queries;
    private final RetentionProperties policy;

    CaseRetention(QueryRunner queries, RetentionProperties policy) {
        this.queries = queries;
        this.policy = policy;
    }

    /** The retention of any case; empty for an unknown id. */
    Mono<RetentionStatus> of(String caseId, LocalDate reviewBy) {
        return queries.one(new FindEngagement(caseId), EngagementView.class)
                .map(e -> status(caseId, CaseType.SUPPORT_ENGAGEMENT, e.municipalityName() + " " + e.programmeLabel(),
                        e.bureauCode(), e.endedOn(), reviewBy))
                .switchIfEmpty(Mono.defer(() -> queries.one(new FindGrantCase(caseId), GrantCaseView.class)
                        .map(g -> status(caseId, CaseType.GRANT_CASE, g.recipientName() + " " + g.grantTypeLabel() + " "
                                + g.targetFiscalYearLabel(), g.bureauCode(), closedOn(g), reviewBy))))
                .switchIfEmpty(Mono.defer(() -> queries.one(new FindInquiry(caseId), InquiryView.class)
                        .map(i -> status(caseId, CaseType.INQUIRY, i.fromName() + " " + i.subject(), i.bureauCode(), i.closedOn(),
                                reviewBy))))
                .switchIfEmpty(Mono.defer(() -> queries.one(new FindConsultation(caseId), ConsultationView.class)
                        .map(c -> status(caseId, CaseType.CONSULTATION, c.municipalityName() + " 個別協議 " + c.fiscalYearLabel(),
                                c.bureauCode(), c.approvedOn() != null ? c.approvedOn()
                                        : c.rejection() == null ? null : c.rejection().rejectedOn(), reviewBy))));
    }

    /** A grant case closes when its last open procedure is complete: on its latest recorded step. */
    private static LocalDate closedOn(GrantCaseView g) {
        if (g.procedures().isEmpty() || !g.procedures().stream().allMatch(GrantProcedureView::complete)) {
            return null;
        }
        return g.procedures().stream().flatMap(p -> p.steps().stream()).map(GrantStepView::recordedOn)
                .filter(Objects::nonNull).max(LocalDate::compareTo).orElse(null);
    }

    private RetentionStatus status(String caseId, CaseType type, String title, String bureau, LocalDate closedOn,
                                   LocalDate reviewBy) {
        Retention r = policy.of(type);
        LocalDate until = closedOn == null ? null : r.retainUntil(closedOn);
        return new RetentionStatus(caseId, type, title, bureau, r.retentionClass(), r.years(), closedOn,
                closedOn == null ? null : r.startsOn(closedOn), until, until != null && !until.isAfter(reviewBy));
    }
}
