package casebook.audittrail;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.audit.CaseType;
import casebook.kernel.consultation.event.IndividualConsultationOpened;
import casebook.kernel.engagement.event.EngagementRegistered;
import casebook.kernel.grant.event.GrantCaseOpened;
import casebook.kernel.grant.event.GrantStepRecorded;
import casebook.kernel.inquiry.event.InquiryReceived;
import java.util.Map;

/** The Japanese names auditors read for event types, and the kind of case an event belongs to. */
final class EventLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("EngagementRegistered", "候補登録"),
            Map.entry("EntrySheetSubmitted", "エントリー受付"),
            Map.entry("EngagementSelected", "選定"),
            Map.entry("EntryNotSelected", "不選定"),
            Map.entry("EngagementWithdrawn", "辞退"),
            Map.entry("ThemesUpdated", "支援テーマ変更"),
            Map.entry("AdvisorAssigned", "アドバイザー配置"),
            Map.entry("AdvisorUnassigned", "アドバイザー配置解除"),
            Map.entry("MilestonePlanned", "予定登録"),
            Map.entry("MilestoneRescheduled", "予定変更"),
            Map.entry("MilestoneHeld", "実施記録"),
            Map.entry("MilestoneCancelled", "中止"),
            Map.entry("MilestoneSkipped", "スキップ"),
            Map.entry("FindingRecorded", "気づき記録"),
            Map.entry("DecisionRecorded", "決定事項記録"),
            Map.entry("HomeworkItemAdded", "宿題登録"),
            Map.entry("HomeworkItemCompleted", "宿題完了"),
            Map.entry("HomeworkItemDropped", "宿題取下げ"),
            Map.entry("OutputRecorded", "成果物登録"),
            Map.entry("EngagementRecordCorrected", "記録訂正"),
            Map.entry("EngagementClosed", "終了"),
            Map.entry("GrantCaseOpened", "交付案件登録"),
            Map.entry("GrantProcedureOpened", "手続開始"),
            Map.entry("GrantStepRecorded", "手続記録"),
            Map.entry("GrantRecordCorrected", "記録訂正"),
            Map.entry("InquiryReceived", "疑義照会受付"),
            Map.entry("InquiryAssigned", "担当割当"),
            Map.entry("InquiryEscalatedToMinistry", "本省照会"),
            Map.entry("MinistryAnswerReceived", "本省回答"),
            Map.entry("InquiryAnswered", "回答"),
            Map.entry("InquiryClosed", "完了"),
            Map.entry("InquiryReopened", "再開"),
            Map.entry("IndividualConsultationOpened", "個別協議登録"),
            Map.entry("IndividualConsultationSubmitted", "提出"),
            Map.entry("IndividualConsultationReviewed", "審査"),
            Map.entry("IndividualConsultationApproved", "承認"),
            Map.entry("IndividualConsultationRejected", "不承認"),
            Map.entry("ConsultationLinked", "関連付け"));

    private EventLabels() {
    }

    /** An event type without a label yet shows its class name rather than nothing. */
    static String label(String type) {
        return LABELS.getOrDefault(type, type);
    }

    /** The label of this event: a recorded grant step is named by its step (支出負担行為示達, 交付決定決裁, ...). */
    static String label(CaseEvent event) {
        if (event instanceof GrantStepRecorded s && s.step() != null) {
            return s.step().label();
        }
        return label(event.getClass().getSimpleName());
    }

    /** By package: each aggregate's events live in their own package of the kernel. */
    static CaseType caseType(CaseEvent event) {
        return caseType(event.getClass());
    }

    static CaseType caseType(Class<?> eventType) {
        Package p = eventType.getPackage();
        if (p == EngagementRegistered.class.getPackage()) {
            return CaseType.SUPPORT_ENGAGEMENT;
        }
        if (p == GrantCaseOpened.class.getPackage()) {
            return CaseType.GRANT_CASE;
        }
        if (p == InquiryReceived.class.getPackage()) {
            return CaseType.INQUIRY;
        }
        return p == IndividualConsultationOpened.class.getPackage() ? CaseType.CONSULTATION : null;
    }
}
