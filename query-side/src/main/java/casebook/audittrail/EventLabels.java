package casebook.audittrail;

import casebook.kernel.audit.CaseEvent;
import casebook.kernel.audit.CaseType;
import casebook.kernel.engagement.event.EngagementRegistered;
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
            Map.entry("EngagementClosed", "終了"));

    private EventLabels() {
    }

    /** An event type without a label yet shows its class name rather than nothing. */
    static String label(String type) {
        return LABELS.getOrDefault(type, type);
    }

    /** By package: each aggregate's events live in their own package of the kernel. */
    static CaseType caseType(CaseEvent event) {
        return event.getClass().getPackage() == EngagementRegistered.class.getPackage()
                ? CaseType.SUPPORT_ENGAGEMENT : null;
    }
}
