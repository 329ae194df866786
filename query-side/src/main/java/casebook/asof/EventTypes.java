package casebook.asof;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.consultation.event.ConsultationLinked;
import casebook.kernel.consultation.event.IndividualConsultationApproved;
import casebook.kernel.consultation.event.IndividualConsultationOpened;
import casebook.kernel.consultation.event.IndividualConsultationRejected;
import casebook.kernel.consultation.event.IndividualConsultationReviewed;
import casebook.kernel.consultation.event.IndividualConsultationSubmitted;
import casebook.kernel.engagement.event.AdvisorAssigned;
import casebook.kernel.engagement.event.AdvisorUnassigned;
import casebook.kernel.engagement.event.DecisionRecorded;
import casebook.kernel.engagement.event.EngagementClosed;
import casebook.kernel.engagement.event.EngagementRecordCorrected;
import casebook.kernel.engagement.event.EngagementRegistered;
import casebook.kernel.engagement.event.EngagementSelected;
import casebook.kernel.engagement.event.EngagementWithdrawn;
import casebook.kernel.engagement.event.EntryNotSelected;
import casebook.kernel.engagement.event.EntrySheetSubmitted;
import casebook.kernel.engagement.event.FindingRecorded;
import casebook.kernel.engagement.event.HomeworkItemAdded;
import casebook.kernel.engagement.event.HomeworkItemCompleted;
import casebook.kernel.engagement.event.HomeworkItemDropped;
import casebook.kernel.engagement.event.MilestoneCancelled;
import casebook.kernel.engagement.event.MilestoneHeld;
import casebook.kernel.engagement.event.MilestonePlanned;
import casebook.kernel.engagement.event.MilestoneRescheduled;
import casebook.kernel.engagement.event.MilestoneSkipped;
import casebook.kernel.engagement.event.OutputRecorded;
import casebook.kernel.engagement.event.ThemesUpdated;
import casebook.kernel.grant.event.GrantCaseOpened;
import casebook.kernel.grant.event.GrantProcedureOpened;
import casebook.kernel.grant.event.GrantRecordCorrected;
import casebook.kernel.grant.event.GrantStepRecorded;
import casebook.kernel.inquiry.event.InquiryAnswered;
import casebook.kernel.inquiry.event.InquiryAssigned;
import casebook.kernel.inquiry.event.InquiryClosed;
import casebook.kernel.inquiry.event.InquiryEscalatedToMinistry;
import casebook.kernel.inquiry.event.InquiryReceived;
import casebook.kernel.inquiry.event.InquiryReopened;
import casebook.kernel.inquiry.event.MinistryAnswerReceived;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The kernel's case event classes by simple name, as the audit trail records them in {@code type}: every class of
 * {@code casebook.kernel.{engagement,grant,inquiry,consultation}.event}. An explicit list (a test checks it against
 * the packages), so that nothing is looked up on the classpath at run time.
 */
final class EventTypes {

    static final List<Class<? extends CaseEvent>> ALL = List.of(
            // 伴走支援 (SupportEngagement)
            EngagementRegistered.class, EntrySheetSubmitted.class, EngagementSelected.class, EntryNotSelected.class,
            EngagementWithdrawn.class, EngagementClosed.class, ThemesUpdated.class, AdvisorAssigned.class,
            AdvisorUnassigned.class, MilestonePlanned.class, MilestoneRescheduled.class, MilestoneHeld.class,
            MilestoneCancelled.class, MilestoneSkipped.class, FindingRecorded.class, DecisionRecorded.class,
            HomeworkItemAdded.class, HomeworkItemCompleted.class, HomeworkItemDropped.class, OutputRecorded.class,
            EngagementRecordCorrected.class,
            // 交付案件 (GrantCase)
            GrantCaseOpened.class, GrantProcedureOpened.class, GrantStepRecorded.class, GrantRecordCorrected.class,
            // 疑義照会 (Inquiry)
            InquiryReceived.class, InquiryAssigned.class, InquiryEscalatedToMinistry.class,
            MinistryAnswerReceived.class, InquiryAnswered.class, InquiryClosed.class, InquiryReopened.class,
            // 個別協議 (UpperLimitConsultation)
            IndividualConsultationOpened.class, IndividualConsultationSubmitted.class,
            IndividualConsultationReviewed.class, IndividualConsultationApproved.class,
            IndividualConsultationRejected.class, ConsultationLinked.class);

    private static final Map<String, Class<? extends CaseEvent>> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventTypes() {
    }

    static Optional<Class<? extends CaseEvent>> named(String simpleName) {
        return Optional.ofNullable(simpleName == null ? null : BY_NAME.get(simpleName));
    }
}
